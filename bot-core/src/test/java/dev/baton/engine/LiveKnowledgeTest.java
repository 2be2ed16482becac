package dev.baton.engine;

import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;
import dev.baton.intents.InvalidIntentDatabaseException;
import dev.baton.intents.IntentFileProblem;
import dev.baton.nlu.Classification;
import dev.baton.nlu.IntentModel;
import dev.baton.nlu.IntentScore;
import dev.baton.nlu.ModelSettings;
import dev.baton.nlu.SupportDesk;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Retraining while the bot keeps answering, and never with a broken or outdated database. */
class LiveKnowledgeTest {

    /** Many epochs make a retrain last long enough to classify during it. */
    private static final ModelSettings SLOW = new ModelSettings(ModelSettings.DEFAULTS.views(), 400, 0.3, 0, 1e-3,
            ModelSettings.DEFAULTS.labelSmoothing(), 1, ModelSettings.DEFAULTS.outOfScopeWeight(), ModelSettings.DEFAULTS.seed());

    private final LiveKnowledge live = LiveKnowledge.start(SupportDesk.DATABASE,
            db -> new BotKnowledge(db, IntentModel.train(db, "en", SLOW), 0.5));

    @Test
    void answersEveryMessageWhileRetrainingAndThenAnswersWithTheNewModel() {
        AtomicBoolean retrained = new AtomicBoolean();
        AtomicInteger answeredDuringRetrain = new AtomicInteger();

        StepVerifier.create(live.reload(LiveKnowledgeTest::withGiftCards).doOnNext(k -> retrained.set(true)))
                .then(() -> {
                    while (!retrained.get()) {
                        Classification during = live.get().classifier().classify("where is my order", "en");
                        assertThat(during.best()).get().extracting(IntentScore::intent).isEqualTo("order_status");
                        answeredDuringRetrain.incrementAndGet();
                    }
                })
                .assertNext(now -> assertThat(now.intents().version()).isEqualTo("with-gift-cards"))
                .verifyComplete();

        assertThat(answeredDuringRetrain.get()).isPositive();
        assertThat(live.get().classifier().classify("can I buy a gift card", "en").best()).get()
                .extracting(IntentScore::intent).isEqualTo("gift_cards");
    }

    @Test
    void keepsTheOldKnowledgeAndSaysWhyWhenTrainingFails() {
        BotKnowledge before = live.get();
        IntentDatabase tooSmall = new IntentDatabase(List.of(new Intent("only", Map.of(),
                Map.of("en", List.of("hello")), Map.of(), List.of(), false)), "too-small");

        StepVerifier.create(live.reload(() -> tooSmall))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("at least two intents"))
                .verify();

        assertThat(live.get()).isSameAs(before);
    }

    @Test
    void keepsTheOldKnowledgeWhenTheIntentFilesAreBroken() {
        BotKnowledge before = live.get();

        StepVerifier.create(live.reload(() -> {
                    throw new InvalidIntentDatabaseException(List.of(new IntentFileProblem("broken.yaml", 3, "bad YAML")));
                }))
                .expectError(InvalidIntentDatabaseException.class)
                .verify();

        assertThat(live.get()).isSameAs(before);
    }

    @Test
    void theReloadStartedLastWinsEvenWhenAnOlderOneFinishesLater() throws InterruptedException {
        CountDownLatch olderMayFinish = new CountDownLatch(1);
        IntentDatabase older = renamed("older");
        IntentDatabase newer = renamed("newer");
        var olderReload = live.reload(() -> {
            try {
                olderMayFinish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return older;
        }).toFuture();

        assertThat(live.reload(() -> newer).block().intents().version()).isEqualTo("newer");
        olderMayFinish.countDown();

        assertThat(olderReload.join().intents().version()).as("the older reload reports what answers now").isEqualTo("newer");
        assertThat(live.get().intents().version()).isEqualTo("newer");
    }

    private static IntentDatabase renamed(String version) {
        return new IntentDatabase(SupportDesk.DATABASE.intents(), version);
    }

    private static IntentDatabase withGiftCards() {
        List<Intent> intents = new ArrayList<>(SupportDesk.DATABASE.intents());
        intents.add(new Intent("gift_cards", Map.of(), Map.of(
                "en", List.of("do you sell gift cards", "I want to buy a gift card", "gift card for a friend",
                        "how do I use my gift card", "gift voucher"),
                "it", List.of("vendete buoni regalo", "vorrei comprare una carta regalo")),
                Map.of(), List.of(), false));
        return new IntentDatabase(intents, "with-gift-cards");
    }
}
