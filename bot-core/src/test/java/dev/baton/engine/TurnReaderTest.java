package dev.baton.engine;

import dev.baton.conversation.Mood;
import dev.baton.conversation.QuickReply;
import dev.baton.dialogue.Decision;
import dev.baton.dialogue.HumanRequestDetector;
import dev.baton.dialogue.MoodDetector;
import dev.baton.dialogue.PolicySettings;
import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.nlu.IntentModel;
import dev.baton.nlu.OpenNlpLanguageDetector;
import dev.baton.nlu.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How the bot reads a visitor's message in the middle of a conversation: buttons, requests for a person, mood. */
class TurnReaderTest {

    private static final IntentDatabase SHIPPED = IntentDatabaseLoader.load(Path.of("../intents"));
    private static final BotKnowledge KNOWLEDGE = new BotKnowledge(SHIPPED, IntentModel.train(SHIPPED, "en"), 0.17);

    private final TurnReader reader = new TurnReader(new Understanding(new OpenNlpLanguageDetector(() -> SHIPPED, "en"),
            new HumanRequestDetector(), new MoodDetector(), "en"), PolicySettings.DEFAULTS);

    /** The visitor's message after {@code earlier}, typed or pressed as the button with {@code payload}. */
    private TurnReader.Reading read(String text, Optional<String> payload, String... earlier) {
        List<String> before = List.of(earlier);
        return reader.read(KNOWLEDGE, new TurnReader.Message(text, Optional.of("en"), Optional.of("en"), payload, 1,
                (language, normalized) -> before.stream().map(TextNormalizer.forLanguage(language)::normalize).toList()));
    }

    @Test
    void pressingTalkToAPersonTwiceIsARequestForAPersonNotTheSameQuestionAgain() {
        TurnReader.Reading reading = read("Talk to a person", Optional.of(QuickReply.HANDOFF_PAYLOAD), "Talk to a person");

        assertThat(reading.askedForHuman()).isTrue();
        assertThat(reading.mood().mood()).isEqualTo(Mood.NEUTRAL);
        assertThat(reading.decision()).isInstanceOf(Decision.HandOff.class);
        assertThat(reading.decision().why()).isEqualTo("the visitor asked for a person");
    }

    @Test
    void typingTheSameQuestionAgainStillReadsAsFrustration() {
        TurnReader.Reading reading = read("where is my order 12345??", Optional.empty(), "where is my order 12345??");

        assertThat(reading.mood().mood()).isEqualTo(Mood.FRUSTRATED);
        assertThat(reading.mood().signals()).containsExactly("the same question again");
    }

    @Test
    void aVisitorWhoIsReallyAnnoyedAndWantsAPersonNowReadsAsFrustratedAndGetsOne() {
        TurnReader.Reading reading = read("really annoyed… I want a person NOW", Optional.empty(), "where is my parcel");

        assertThat(reading.askedForHuman()).isTrue();
        assertThat(reading.mood().mood()).isEqualTo(Mood.FRUSTRATED);
        assertThat(reading.mood().signals()).contains("says the bot does not help");
        assertThat(reading.decision()).isInstanceOf(Decision.HandOff.class);
    }
}
