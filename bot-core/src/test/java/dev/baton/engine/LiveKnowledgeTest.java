package dev.baton.engine;

import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.intents.IntentDatabaseLoader.IntentSource;
import dev.baton.intents.IntentPublication;
import dev.baton.intents.InvalidIntentDatabaseException;
import dev.baton.intents.IntentFileProblem;
import dev.baton.intents.PublishedIntents;
import dev.baton.nlu.Classification;
import dev.baton.nlu.IntentModel;
import dev.baton.nlu.IntentScore;
import dev.baton.nlu.ModelSettings;
import dev.baton.store.memory.InMemoryIntentPublication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retraining while the bot keeps answering, never with a broken or outdated database, and every node of an
 * installation answering from the one database published (nodes here share one in-memory publication).
 */
class LiveKnowledgeTest {

    /** Many epochs make a retrain last long enough to classify during it. */
    private static final ModelSettings SLOW = new ModelSettings(ModelSettings.DEFAULTS.views(), 400, 0.3, 0, 1e-3,
            ModelSettings.DEFAULTS.labelSmoothing(), 1, ModelSettings.DEFAULTS.outOfScopeWeight(), ModelSettings.DEFAULTS.seed());
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final String SHOP = """
            intents:
              - id: order_status
                examples:
                  en: [where is my order, track my order, when will my package arrive, has my order shipped yet, order tracking, my parcel has not arrived]
                answers:
                  en: [Follow your order on the tracking page.]
              - id: reset_password
                examples:
                  en: [I forgot my password, how do I reset my password, change my password, password reset link, my password does not work, I cannot sign in]
                answers:
                  en: [Use the reset link on the login page.]
              - id: talk_to_human
                examples:
                  en: [I want to talk to a person, can I speak to an agent, connect me with a human, real person please, transfer me to an operator, let me talk to someone]
                answers:
                  en: [Let me find a colleague.]
            """;
    private static final String GIFT_CARDS = """
            intents:
              - id: gift_cards
                examples:
                  en: [do you sell gift cards, I want to buy a gift card, gift card for a friend, how do I use my gift card, gift voucher]
                answers:
                  en: [Gift cards are sold in every shop.]
            """;

    private final InMemoryIntentPublication installation = new InMemoryIntentPublication();
    private final FlakyPublication publication = new FlakyPublication(installation);
    private final AtomicInteger trainings = new AtomicInteger();
    private final Function<IntentDatabase, BotKnowledge> learn = db -> {
        trainings.incrementAndGet();
        return new BotKnowledge(db, IntentModel.train(db, "en", SLOW), 0.5);
    };
    private final List<LiveKnowledge> nodes = new ArrayList<>();
    private final LiveKnowledge live = node(shop());

    @AfterEach
    void stopNodes() {
        nodes.forEach(LiveKnowledge::close);
    }

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
                .assertNext(now -> assertThat(now.intents().version()).isEqualTo(withGiftCards().version()))
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
        assertThat(installation.publishedVersion().block()).as("nothing published").isEqualTo(shop().version());
    }

    @Test
    void keepsTheOldKnowledgeEverywhereWhenTheIntentFilesAreBroken() {
        LiveKnowledge other = node(shop());
        BotKnowledge before = live.get();

        StepVerifier.create(live.reload(() -> {
                    throw new InvalidIntentDatabaseException(List.of(new IntentFileProblem("broken.yaml", 3, "bad YAML")));
                }))
                .expectError(InvalidIntentDatabaseException.class)
                .verify();

        assertThat(live.get()).isSameAs(before);
        assertThat(installation.publishedVersion().block()).isEqualTo(shop().version());
        assertThat(other.catchUp().block(PATIENCE).intents().version()).isEqualTo(shop().version());
    }

    @Test
    void reloadsTakeTurnsAndTheOneAskedLastIsWhatAnswers() throws InterruptedException {
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        var first = live.reload(() -> {
            try {
                firstMayFinish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return shop();
        }).toFuture();
        var second = live.reload(LiveKnowledgeTest::withGiftCards).toFuture();

        firstMayFinish.countDown();

        assertThat(first.join().intents().version()).isEqualTo(shop().version());
        assertThat(second.join().intents().version()).isEqualTo(withGiftCards().version());
        assertThat(live.get().intents().version()).isEqualTo(withGiftCards().version());
        assertThat(installation.publishedVersion().block()).isEqualTo(withGiftCards().version());
    }

    @Test
    void theFirstNodePublishesItsOwnFiles() {
        assertThat(installation.publishedVersion().block()).isEqualTo(shop().version());
        assertThat(live.publishedVersion()).isEqualTo(shop().version());
    }

    @Test
    void aNodeStartingAnswersFromThePublishedDatabaseRatherThanItsOwnFiles() {
        live.reload(LiveKnowledgeTest::withGiftCards).block(PATIENCE);

        LiveKnowledge starting = node(shop());

        assertThat(starting.get().intents().version()).isEqualTo(withGiftCards().version());
    }

    @Test
    void aNodeFollowingThePublicationAnswersFromADatabaseReloadedOnAnother() {
        LiveKnowledge other = node(shop());
        other.follow(Duration.ofHours(1));

        live.reload(LiveKnowledgeTest::withGiftCards).block(PATIENCE);

        assertThat(versionOf(other).filter(withGiftCards().version()::equals).blockFirst(PATIENCE)).isNotNull();
        assertThat(other.get().classifier().classify("can I buy a gift card", "en").best()).get()
                .extracting(IntentScore::intent).isEqualTo("gift_cards");
    }

    @Test
    void aNodeThatMissedTheAnnouncementCatchesUpOnItsNextCheck() {
        LiveKnowledge other = node(shop());
        live.reload(LiveKnowledgeTest::withGiftCards).block(PATIENCE);
        assertThat(other.get().intents().version()).as("nobody told it").isEqualTo(shop().version());

        assertThat(other.catchUp().block(PATIENCE).intents().version()).isEqualTo(withGiftCards().version());
        assertThat(other.publishedVersion()).isEqualTo(withGiftCards().version());
    }

    @Test
    void aReloadThatCannotBePublishedChangesNothingAnywhere() {
        LiveKnowledge other = node(shop());
        BotKnowledge before = live.get();
        publication.unreachable.set(true);

        StepVerifier.create(live.reload(LiveKnowledgeTest::withGiftCards))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(LiveKnowledge.NotPublishedException.class)
                        .hasMessageContaining("nothing changed"))
                .verify(PATIENCE);

        publication.unreachable.set(false);
        assertThat(live.get()).isSameAs(before);
        assertThat(live.catchUp().block(PATIENCE)).isSameAs(before);
        assertThat(other.catchUp().block(PATIENCE).intents().version()).isEqualTo(shop().version());
    }

    @Test
    void aPublishedDatabaseANodeCannotLearnIsNotTriedAgainUntilAnotherIsPublished() {
        LiveKnowledge other = node(shop());
        IntentDatabase oneIntent = IntentDatabaseLoader.parse(List.of(new IntentSource("one.yaml", GIFT_CARDS)));
        installation.publish(oneIntent).block(PATIENCE);
        int before = trainings.get();

        assertThat(other.catchUp().block(PATIENCE).intents().version()).as("still answering").isEqualTo(shop().version());
        assertThat(other.publishedVersion()).isEqualTo(oneIntent.version());
        other.catchUp().block(PATIENCE);
        assertThat(trainings.get()).as("one attempt").isEqualTo(before + 1);

        live.reload(LiveKnowledgeTest::withGiftCards).block(PATIENCE);
        assertThat(other.catchUp().block(PATIENCE).intents().version()).isEqualTo(withGiftCards().version());
    }

    @Test
    void whenNothingIsPublishedANodePublishesWhatItAnswersFrom() {
        publication.forget();

        live.catchUp().block(PATIENCE);

        assertThat(publication.publishedVersion().block()).isEqualTo(shop().version());
    }

    private LiveKnowledge node(IntentDatabase ownFiles) {
        LiveKnowledge node = LiveKnowledge.start(() -> ownFiles, learn, publication);
        nodes.add(node);
        return node;
    }

    private static Flux<String> versionOf(LiveKnowledge node) {
        return Flux.interval(Duration.ofMillis(20)).map(tick -> node.get().intents().version());
    }

    private static IntentDatabase shop() {
        return IntentDatabaseLoader.parse(List.of(new IntentSource("shop.yaml", SHOP)));
    }

    private static IntentDatabase withGiftCards() {
        return IntentDatabaseLoader.parse(List.of(new IntentSource("gift-cards.yaml", GIFT_CARDS), new IntentSource("shop.yaml", SHOP)));
    }

    /** The installation's publication, which a test can make unreachable or lose its data (as a Redis restarted empty). */
    private static final class FlakyPublication implements IntentPublication {
        final AtomicBoolean unreachable = new AtomicBoolean();
        private final AtomicReference<IntentPublication> data;

        FlakyPublication(IntentPublication data) {
            this.data = new AtomicReference<>(data);
        }

        void forget() {
            data.set(new InMemoryIntentPublication());
        }

        @Override
        public Mono<PublishedIntents> published() {
            return reachable().then(Mono.defer(() -> data.get().published()));
        }

        @Override
        public Mono<String> publishedVersion() {
            return reachable().then(Mono.defer(() -> data.get().publishedVersion()));
        }

        @Override
        public Mono<Void> publish(IntentDatabase database) {
            return reachable().then(Mono.defer(() -> data.get().publish(database)));
        }

        @Override
        public Flux<String> observePublications() {
            return data.get().observePublications();
        }

        private Mono<Void> reachable() {
            return Mono.defer(() -> unreachable.get() ? Mono.error(new IllegalStateException("Redis is unreachable")) : Mono.empty());
        }
    }
}
