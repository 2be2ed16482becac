package dev.baton.inbox;

import dev.baton.conversation.BotDecision;
import dev.baton.conversation.HandoffReason;
import dev.baton.nlu.Classification;
import dev.baton.nlu.IntentScore;
import dev.baton.privacy.PersonalDataRedactor;
import dev.baton.store.SettableClock;
import dev.baton.store.memory.InMemoryTrainerInbox;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class InboxRecorderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Classification UNSURE = new Classification(List.of(new IntentScore("order_status", 0.31),
            new IntentScore("returns", 0.29), new IntentScore("refunds", 0.2), new IntentScore("oos", 0.1)));

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final InMemoryTrainerInbox store = new InMemoryTrainerInbox(clock, TrainerInbox.Limits.DEFAULTS);

    private InboxRecorder recorderInto(TrainerInbox inbox, int buffer) {
        return new InboxRecorder(inbox, new PersonalDataRedactor(), clock, 0.1, buffer);
    }

    private static BotDecision decision(BotDecision.Kind kind, double margin) {
        return new BotDecision(kind, Optional.of("order_status"), OptionalDouble.of(0.31), OptionalDouble.of(margin), "why");
    }

    private List<InboxWording> stored() {
        return store.wordings().collectList().block(TIMEOUT);
    }

    @Test
    void aMessageTheBotDidNotUnderstandLandsRedactedWithTheBotsBestGuesses() {
        InboxRecorder recorder = recorderInto(store, 10);

        recorder.afterTurn("c-1", "mail me at mario.rossi@example.com or +39 333 123 4567", "en", UNSURE,
                decision(BotDecision.Kind.NOT_UNDERSTOOD, 0.02), Optional.empty());

        InboxEntry entry = stored().get(0).latest();
        assertThat(entry.text()).isEqualTo("mail me at m***@example.com or +** *** *** **67");
        assertThat(entry.reason()).isEqualTo(InboxReason.NOT_UNDERSTOOD);
        assertThat(entry.guesses()).containsExactly(new IntentGuess("order_status", 0.31), new IntentGuess("returns", 0.29),
                new IntentGuess("refunds", 0.2));
        assertThat(entry.conversationId()).isEqualTo("c-1");
        assertThat(entry.at()).isEqualTo(clock.instant());
        assertThat(recorder.recorded()).isEqualTo(1);
    }

    @Test
    void clarifyingHandingOffAfterFailuresAndAnsweringByANoseLand() {
        InboxRecorder recorder = recorderInto(store, 10);

        recorder.afterTurn("c-1", "order", "en", UNSURE, decision(BotDecision.Kind.CLARIFY, 0.02), Optional.empty());
        recorder.afterTurn("c-2", "still no parcel", "en", UNSURE, decision(BotDecision.Kind.HAND_OFF, 0.02),
                Optional.of(HandoffReason.REPEATED_FAILURE));
        recorder.afterTurn("c-3", "where is the box", "en", UNSURE, decision(BotDecision.Kind.ANSWER, 0.06), Optional.empty());

        assertThat(stored()).extracting(w -> w.latest().reason())
                .containsExactlyInAnyOrder(InboxReason.CLARIFIED, InboxReason.HANDED_OFF_AFTER_FAILURES, InboxReason.LOW_MARGIN);
    }

    @Test
    void clearAnswersAndVisitorsAskingForAPersonStayOut() {
        InboxRecorder recorder = recorderInto(store, 10);

        recorder.afterTurn("c-1", "where is my order", "en", UNSURE, decision(BotDecision.Kind.ANSWER, 0.4), Optional.empty());
        recorder.afterTurn("c-2", "a person please", "en", UNSURE, decision(BotDecision.Kind.HAND_OFF, 0.4),
                Optional.of(HandoffReason.VISITOR_ASKED));

        assertThat(stored()).isEmpty();
    }

    @Test
    void anUnhelpfulAnswerPutsTheQuestionInWithTheAnswersIntent() {
        InboxRecorder recorder = recorderInto(store, 10);

        recorder.unhelpful("c-1", "my teapot arrived cracked", "en", decision(BotDecision.Kind.ANSWER, 0.5));

        InboxEntry entry = stored().get(0).latest();
        assertThat(entry.reason()).isEqualTo(InboxReason.UNHELPFUL);
        assertThat(entry.guesses()).containsExactly(new IntentGuess("order_status", 0.31));
    }

    @Test
    void aFailingStoreNeverReachesTheTurnAndIsCounted() {
        InboxRecorder recorder = recorderInto(new FailingInbox(Mono.error(new IllegalStateException("store down"))), 10);

        assertThatCode(() -> recorder.afterTurn("c-1", "order", "en", UNSURE, decision(BotDecision.Kind.CLARIFY, 0.02),
                Optional.empty())).doesNotThrowAnyException();

        assertThat(recorder.failed()).isEqualTo(1);
        assertThat(recorder.recorded()).isZero();
    }

    @Test
    void aStoreThatFallsBehindFillsTheBufferAndLaterEntriesAreDropped() {
        InboxRecorder recorder = recorderInto(new FailingInbox(Mono.never()), 2);

        for (int i = 0; i < 10; i++) {
            recorder.afterTurn("c-" + i, "order " + i, "en", UNSURE, decision(BotDecision.Kind.CLARIFY, 0.02), Optional.empty());
        }

        // Four are being stored, two wait in the buffer: the other four are dropped.
        assertThat(recorder.dropped()).isEqualTo(4);
        recorder.close();
    }

    /** A store whose every {@code add} ends as {@code outcome}. */
    private record FailingInbox(Mono<Void> outcome) implements TrainerInbox {
        @Override
        public Mono<Void> add(InboxEntry entry) {
            return outcome;
        }

        @Override
        public Flux<InboxWording> wordings() {
            return Flux.empty();
        }

        @Override
        public Mono<Void> remove(Collection<String> wordingIds) {
            return Mono.empty();
        }

        @Override
        public Mono<Integer> forgetConversations(Collection<String> conversationIds) {
            return Mono.just(0);
        }
    }
}
