package dev.baton.engine;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.store.Fixtures;
import dev.baton.store.memory.InMemoryConversationStore;
import dev.baton.store.memory.InProcessConversationEvents;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RecentTranscriptsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int WINDOW = 5;

    private final InMemoryConversationStore store = new InMemoryConversationStore(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
            new InProcessConversationEvents());
    private final CountingReads reads = new CountingReads(store);
    private final RecentTranscripts recent = new RecentTranscripts(reads, WINDOW);
    private final Conversation conversation = store.create(Fixtures.conversation("v-visitor-1", Instant.EPOCH)).block(TIMEOUT);

    @Test
    void givesTheLastMessagesUpToTheOneBeingHandledAndReadsOnlyWhatItHasNotSeen() {
        Message third = append(3);
        assertThat(ids(recent.upTo(third))).containsExactly(1L, 2L, 3L);
        assertThat(reads.messages.get()).isEqualTo(3);

        Message fifth = append(2);
        assertThat(ids(recent.upTo(fifth))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(reads.messages.get()).as("only messages 4 and 5 are read again").isEqualTo(5);

        Message ninth = append(4);
        assertThat(ids(recent.upTo(ninth))).containsExactly(5L, 6L, 7L, 8L, 9L);
        assertThat(reads.messages.get()).isEqualTo(9);

        assertThat(ids(recent.upTo(ninth))).as("nothing new: nothing read").containsExactly(5L, 6L, 7L, 8L, 9L);
        assertThat(reads.messages.get()).isEqualTo(9);
    }

    @Test
    void readsNothingWhenTheMessageDirectlyFollowsWhatItSawIncludingTheBotsOwnReplies() {
        recent.upTo(append(3)).block(TIMEOUT);
        Message fourth = append(1);
        assertThat(ids(recent.upTo(fourth))).containsExactly(1L, 2L, 3L, 4L);

        recent.saw(append(1));
        assertThat(ids(recent.upTo(append(1)))).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(reads.messages.get()).as("only the first three were ever read").isEqualTo(3);

        recent.saw(store.transcript(conversation.id(), 0).blockFirst(TIMEOUT));
        Message seventh = append(1);
        assertThat(ids(recent.upTo(seventh))).as("a message that does not follow is ignored").containsExactly(3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void seesMessagesOtherNodesWroteAndForgetsNothingWhenItFallsFarBehind() {
        recent.upTo(append(2)).block(TIMEOUT);
        Message latest = append(30);

        assertThat(ids(recent.upTo(latest))).containsExactly(28L, 29L, 30L, 31L, 32L);
        assertThat(reads.messages.get()).as("the window only, not the 28 messages before it").isEqualTo(2 + WINDOW);
    }

    @Test
    void ignoresMessagesStoredAfterTheOneBeingHandled() {
        Message second = append(2);
        append(2);

        assertThat(ids(recent.upTo(second))).containsExactly(1L, 2L);
        assertThat(ids(recent.upTo(store.transcript(conversation.id(), 3).blockLast(TIMEOUT))))
                .containsExactly(1L, 2L, 3L, 4L);
    }

    private Message append(int count) {
        Message last = null;
        for (int i = 0; i < count; i++) {
            last = store.append(conversation.id(), MessageDraft.fromVisitor("message", java.util.Optional.empty())).block(TIMEOUT);
        }
        return last;
    }

    private static List<Long> ids(Mono<List<RecentMessage>> messages) {
        return messages.block(TIMEOUT).stream().map(RecentMessage::id).toList();
    }

    /** The in-memory store, counting the transcript messages read from it. */
    private static final class CountingReads extends DelegatingConversationStore {
        private final AtomicInteger messages = new AtomicInteger();

        CountingReads(ConversationStore store) {
            super(store);
        }

        @Override
        public Flux<Message> transcript(String conversationId, long afterId) {
            return store.transcript(conversationId, afterId).doOnNext(m -> messages.incrementAndGet());
        }
    }
}
