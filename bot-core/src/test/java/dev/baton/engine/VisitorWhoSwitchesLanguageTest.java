package dev.baton.engine;

import dev.baton.conversation.Message;
import dev.baton.conversation.QuickReply;
import dev.baton.dialogue.HumanRequestDetector;
import dev.baton.dialogue.MoodDetector;
import dev.baton.dialogue.PolicySettings;
import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.nlu.IntentModel;
import dev.baton.nlu.OpenNlpLanguageDetector;
import dev.baton.inbox.InboxRecorder;
import dev.baton.inbox.TrainerInbox;
import dev.baton.privacy.PersonalDataRedactor;
import dev.baton.store.memory.InMemoryAnswerRatings;
import dev.baton.store.memory.InMemoryTrainerInbox;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The bot answers in the language the visitor writes, also when it is not the one the conversation began in. */
class VisitorWhoSwitchesLanguageTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final IntentDatabase SHIPPED = IntentDatabaseLoader.load(Path.of("../intents"));
    private static final BotKnowledge KNOWLEDGE = new BotKnowledge(SHIPPED, IntentModel.train(SHIPPED, "en"), 0.17);

    private final InMemoryDesk world = new InMemoryDesk();
    private final ConversationEngine engine = new ConversationEngine(world.stores, () -> KNOWLEDGE,
            new Understanding(new OpenNlpLanguageDetector(() -> SHIPPED, "en"), new HumanRequestDetector(),
                    new MoodDetector(), "en"),
            PolicySettings.DEFAULTS, world.handoffs, new PersonalDataRedactor(), world.clock,
            new InMemoryAnswerRatings(world.clock, Duration.ofDays(30)),
            new InboxRecorder(new InMemoryTrainerInbox(world.clock, TrainerInbox.Limits.DEFAULTS), new PersonalDataRedactor(), world.clock, 0.1, 100));

    private int sent;

    private Message answerTo(String conversationId, String text) {
        VisitorMessage message = new VisitorMessage(conversationId, "v-1", text, Optional.of("m" + ++sent),
                Optional.empty(), Optional.of("en"));
        return engine.handle(message).block(TIMEOUT).answer().orElseThrow();
    }

    private String language(String conversationId) {
        return world.stores.conversations().find(conversationId).block(TIMEOUT).language().orElseThrow();
    }

    @Test
    void aVisitorWhoSwitchesFromEnglishToItalianIsAnsweredInItalianFromThenOn() {
        String id = engine.open("v-1", Optional.empty(), Optional.of("en")).block(TIMEOUT).conversation().id();

        Message english = answerTo(id, "where is my order 12345?");
        Message italian = answerTo(id, "vorrei restituire la teiera, come faccio il reso?");

        assertThat(english.text()).isEqualTo(SHIPPED.find("order_status").orElseThrow().answersIn("en").get(0));
        assertThat(italian.text()).isEqualTo(SHIPPED.find("returns").orElseThrow().answersIn("it").get(0));
        assertThat(italian.quickReplies()).extracting(QuickReply::label).containsExactly("Rimborsi",
                "Cambio misura o colore", "Articolo danneggiato o sbagliato");
        assertThat(language(id)).isEqualTo("it");
    }

    @Test
    void aVisitorWhoSwitchesToPersianGetsPersianAnswersAndButtons() {
        String id = engine.open("v-1", Optional.empty(), Optional.of("en")).block(TIMEOUT).conversation().id();

        answerTo(id, "hello");
        Message persian = answerTo(id, "میخوام سفارشم رو لغو کنم");

        assertThat(persian.text()).isEqualTo(SHIPPED.find("cancel_order").orElseThrow().answersIn("fa").get(0));
        assertThat(persian.quickReplies()).extracting(QuickReply::label).containsExactly("مرجوعی کالا", "بازپرداخت وجه");
        assertThat(language(id)).isEqualTo("fa");
    }
}
