package dev.baton.store;

import dev.baton.inbox.InboxEntry;
import dev.baton.inbox.InboxReason;
import dev.baton.inbox.InboxWording;
import dev.baton.inbox.IntentGuess;
import dev.baton.inbox.TrainerInbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.baton.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link TrainerInbox} does, specified once. */
public abstract class TrainerInboxContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** How long, and how many wordings, the inboxes under test keep. */
    protected static final TrainerInbox.Limits LIMITS = new TrainerInbox.Limits(Duration.ofDays(30), 3);

    protected final SettableClock clock = new SettableClock(T0);
    protected TrainerInbox inbox;
    protected TrainerInbox otherNode;

    protected abstract TrainerInbox newInbox();

    /** Another node's view of {@link #inbox}; the same object on a single node. */
    protected abstract TrainerInbox sameInboxOnAnotherNode();

    @BeforeEach
    void createInbox() {
        inbox = newInbox();
        otherNode = sameInboxOnAnotherNode();
    }

    protected InboxEntry entry(String text, InboxReason reason, String conversationId, Instant at) {
        return InboxEntry.of(text, "en", List.of(new IntentGuess("order_status", 0.41), new IntentGuess("returns", 0.38)),
                reason, conversationId, at);
    }

    private List<InboxWording> wordings(TrainerInbox from) {
        return from.wordings().collectList().block(TIMEOUT);
    }

    @Test
    void isEmptyAtFirst() {
        assertThat(wordings(inbox)).isEmpty();
    }

    @Test
    void countsMessagesOfTheSameWordingTogetherOnEveryNode() {
        inbox.add(entry("Where is my order?", InboxReason.NOT_UNDERSTOOD, "c-1", T0)).block(TIMEOUT);
        otherNode.add(entry("MY order... where is?!", InboxReason.CLARIFIED, "c-2", T0.plusSeconds(60))).block(TIMEOUT);
        inbox.add(entry("where is my order", InboxReason.NOT_UNDERSTOOD, "c-1", T0.plusSeconds(120))).block(TIMEOUT);

        List<InboxWording> seen = wordings(otherNode);

        assertThat(seen).hasSize(1);
        InboxWording wording = seen.get(0);
        assertThat(wording.count()).isEqualTo(3);
        assertThat(wording.reasons()).isEqualTo(Map.of(InboxReason.NOT_UNDERSTOOD, 2L, InboxReason.CLARIFIED, 1L));
        assertThat(wording.latest().text()).isEqualTo("where is my order");
        assertThat(wording.latest().guesses()).containsExactly(new IntentGuess("order_status", 0.41), new IntentGuess("returns", 0.38));
        assertThat(wording.latest().tokens()).containsExactly("is", "my", "order", "where");
        assertThat(wording.conversationIds()).containsExactly("c-1", "c-2");
        assertThat(wording.firstSeen()).isEqualTo(T0);
        assertThat(wording.lastSeen()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void keepsTheLanguagesApart() {
        inbox.add(entry("ordine", InboxReason.NOT_UNDERSTOOD, "c-1", T0)).block(TIMEOUT);
        inbox.add(InboxEntry.of("ordine", "it", List.of(), InboxReason.NOT_UNDERSTOOD, "c-2", T0)).block(TIMEOUT);

        assertThat(wordings(otherNode)).extracting(w -> w.latest().language()).containsExactlyInAnyOrder("en", "it");
    }

    @Test
    void remembersOnlyTheLatestFewConversationsOfAWording() {
        for (int i = 1; i <= TrainerInbox.CONVERSATIONS_KEPT + 2; i++) {
            inbox.add(entry("help", InboxReason.NOT_UNDERSTOOD, "c-" + i, T0.plusSeconds(i))).block(TIMEOUT);
        }

        assertThat(wordings(otherNode).get(0).conversationIds()).containsExactly("c-7", "c-6", "c-5", "c-4", "c-3");
    }

    @Test
    void forgetsWordingsNotSeenForTheRetention() {
        inbox.add(entry("old question", InboxReason.NOT_UNDERSTOOD, "c-1", clock.instant())).block(TIMEOUT);
        clock.advance(Duration.ofDays(2));
        otherNode.add(entry("recent question", InboxReason.NOT_UNDERSTOOD, "c-2", clock.instant())).block(TIMEOUT);

        clock.advance(LIMITS.retention().minus(Duration.ofDays(1)));

        assertThat(wordings(otherNode)).extracting(w -> w.latest().text()).containsExactly("recent question");
    }

    @Test
    void keepsAtMostTheLimitForgettingTheLeastRecentlySeen() {
        inbox.add(entry("first question", InboxReason.NOT_UNDERSTOOD, "c-1", T0)).block(TIMEOUT);
        inbox.add(entry("second question", InboxReason.NOT_UNDERSTOOD, "c-2", T0.plusSeconds(1))).block(TIMEOUT);
        inbox.add(entry("third question", InboxReason.NOT_UNDERSTOOD, "c-3", T0.plusSeconds(2))).block(TIMEOUT);
        inbox.add(entry("first question", InboxReason.NOT_UNDERSTOOD, "c-4", T0.plusSeconds(3))).block(TIMEOUT);

        otherNode.add(entry("fourth question", InboxReason.NOT_UNDERSTOOD, "c-5", T0.plusSeconds(4))).block(TIMEOUT);

        assertThat(wordings(inbox)).extracting(w -> w.latest().text())
                .containsExactlyInAnyOrder("first question", "third question", "fourth question");
    }

    @Test
    void removedWordingsAreGoneFromEveryNode() {
        InboxEntry kept = entry("keep me", InboxReason.NOT_UNDERSTOOD, "c-1", T0);
        InboxEntry dismissed = entry("dismiss me", InboxReason.UNHELPFUL, "c-2", T0);
        inbox.add(kept).block(TIMEOUT);
        inbox.add(dismissed).block(TIMEOUT);

        otherNode.remove(List.of(dismissed.wordingId(), "w-unknown")).block(TIMEOUT);

        assertThat(wordings(inbox)).extracting(InboxWording::id).containsExactly(kept.wordingId());
        inbox.add(dismissed).block(TIMEOUT);
        assertThat(wordings(inbox)).filteredOn(w -> w.id().equals(dismissed.wordingId()))
                .singleElement().satisfies(w -> {
                    assertThat(w.count()).isEqualTo(1);
                    assertThat(w.reasons()).isEqualTo(Map.of(InboxReason.UNHELPFUL, 1L));
                });
    }

    @Test
    void forgetsTheWordingsAVisitorsConversationsContributedToAndKeepsTheOthers() {
        inbox.add(entry("where is my order", InboxReason.NOT_UNDERSTOOD, "c-erased", T0)).block(TIMEOUT);
        inbox.add(entry("Where is my order?", InboxReason.NOT_UNDERSTOOD, "c-other", T0.plusSeconds(1))).block(TIMEOUT);
        otherNode.add(entry("my parcel is broken", InboxReason.CLARIFIED, "c-erased-too", T0.plusSeconds(2))).block(TIMEOUT);
        inbox.add(entry("gift cards please", InboxReason.LOW_MARGIN, "c-other", T0.plusSeconds(3))).block(TIMEOUT);

        assertThat(otherNode.forgetConversations(List.of("c-erased", "c-erased-too")).block(TIMEOUT)).isEqualTo(2);

        assertThat(wordings(inbox)).extracting(w -> w.latest().text()).containsExactly("gift cards please");
        assertThat(inbox.forgetConversations(List.of("c-erased")).block(TIMEOUT)).isZero();
    }
}
