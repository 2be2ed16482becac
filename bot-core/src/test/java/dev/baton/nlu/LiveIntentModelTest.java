package dev.baton.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class LiveIntentModelTest {

    /** Many epochs make a retrain last long enough to classify during it. */
    private static final ModelSettings SLOW = new ModelSettings(ModelSettings.DEFAULTS.views(), 400, 0.3, 0, 1e-3);

    private final LiveIntentModel live = new LiveIntentModel(
            IntentModel.train(SupportDesk.DATABASE, "en"), SupportDesk.DATABASE.version(), SLOW);

    @Test
    void answersEveryMessageWhileRetrainingAndThenAnswersWithTheNewModel() {
        IntentDatabase withGiftCards = withGiftCards();
        AtomicBoolean retrained = new AtomicBoolean();
        AtomicInteger answeredDuringRetrain = new AtomicInteger();

        StepVerifier.create(live.retrain(withGiftCards).doOnNext(r -> retrained.set(true)))
                .then(() -> {
                    while (!retrained.get()) {
                        Classification during = live.classify("where is my order", "en");
                        assertThat(during.best()).get().extracting(IntentScore::intent).isEqualTo("order_status");
                        answeredDuringRetrain.incrementAndGet();
                    }
                })
                .assertNext(result -> assertThat(result).isInstanceOf(LiveIntentModel.Retrain.Swapped.class))
                .verifyComplete();

        assertThat(answeredDuringRetrain.get()).isPositive();
        assertThat(live.classify("can I buy a gift card", "en").best()).get()
                .extracting(IntentScore::intent).isEqualTo("gift_cards");
        assertThat(live.databaseVersion()).isEqualTo("with-gift-cards");
    }

    @Test
    void keepsTheOldModelAndSaysWhyWhenTrainingFails() {
        IntentDatabase tooSmall = new IntentDatabase(List.of(new Intent("only", Map.of(),
                Map.of("en", List.of("hello")), Map.of(), List.of(), false)), "too-small");
        IntentModel before = live.current();

        StepVerifier.create(live.retrain(tooSmall))
                .assertNext(result -> assertThat(result).isInstanceOfSatisfying(LiveIntentModel.Retrain.Kept.class,
                        kept -> assertThat(kept.reason()).contains("at least two intents")))
                .verifyComplete();

        assertThat(live.current()).isSameAs(before);
        assertThat(live.databaseVersion()).isEqualTo(SupportDesk.DATABASE.version());
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
