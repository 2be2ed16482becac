package dev.baton.handoff;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.store.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class UnansweredSinceTest {

    private static final Instant START = Fixtures.T0;
    /** When {@link Fixtures#summary()} says the visitor started waiting. */
    private static final Instant HANDED_OFF = Fixtures.summary().waitingSince();

    private final Conversation waiting = Fixtures.waiting("v-unanswered", START);
    private final List<Message> transcript = new ArrayList<>();

    @Test
    void aVisitorWaitsForAPersonFromTheHandoffUntilAnAgentWrites() {
        said(MessageDraft.fromVisitor("I want a person", Optional.empty()), -5);
        said(MessageDraft.fromVisitor("hello?", Optional.empty()), 20);

        assertThat(UnansweredSince.in(waiting, transcript)).contains(HANDED_OFF);
    }

    @Test
    void theAgentsReplyStopsTheTimerAndTheVisitorsNextMessageStartsIt() {
        said(MessageDraft.fromAgent("Alice", "Hi, I'm Alice", Optional.empty()), 10);
        assertThat(UnansweredSince.in(waiting, transcript)).isEmpty();

        said(MessageDraft.fromVisitor("my order is late", Optional.empty()), 20);
        said(MessageDraft.fromVisitor("it is 48213", Optional.empty()), 30);

        assertThat(UnansweredSince.in(waiting, transcript)).contains(HANDED_OFF.plusSeconds(20));
    }

    @Test
    void notesAndSystemMessagesAnswerNobody() {
        said(MessageDraft.fromAgent("Alice", "Hi, I'm Alice", Optional.empty()), 10);
        said(MessageDraft.fromVisitor("still there?", Optional.empty()), 20);
        said(MessageDraft.note("Alice", "checking the warehouse", Optional.empty()), 30);
        said(MessageDraft.systemNote("Bruno is taking over your conversation."), 40);

        assertThat(UnansweredSince.in(waiting, transcript)).contains(HANDED_OFF.plusSeconds(20));
    }

    @Test
    void anAgentsReplyBeforeTheLatestHandoffDoesNotCount() {
        said(MessageDraft.fromAgent("Alice", "from an earlier handoff", Optional.empty()), -10);

        assertThat(UnansweredSince.in(waiting, transcript)).contains(HANDED_OFF);
    }

    @Test
    void aConversationNeverHandedToPeopleHasNoTimer() {
        Conversation withTheBot = Fixtures.conversation("v-unanswered", START);
        said(MessageDraft.fromVisitor("how much is shipping", Optional.empty()), 1);

        assertThat(UnansweredSince.in(withTheBot, transcript)).isEmpty();
    }

    private void said(MessageDraft draft, long secondsAfterHandoff) {
        transcript.add(Message.stored(transcript.size() + 1, waiting.id(), draft, HANDED_OFF.plusSeconds(secondsAfterHandoff)));
    }
}
