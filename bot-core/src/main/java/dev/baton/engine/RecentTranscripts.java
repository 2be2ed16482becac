package dev.baton.engine;

import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Message;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last few messages of the conversations this node's bot talks in, read from the store incrementally.
 *
 * <p>Why: every bot turn looks at the recent transcript (a repeated question, the answers already given), and
 * with the Redis store reading and decoding twenty messages per turn was most of the turn's cost. Messages never
 * change once stored and their ids increase without gaps, so a node that saw a conversation up to message
 * <i>k</i> only needs the messages after <i>k</i> — whichever node wrote them — and none at all when the
 * message being handled directly follows them (the bot's own replies are remembered as they are stored). Nothing
 * here can be stale: what is not known to directly follow is read from the store.
 *
 * <p>Holds at most {@link #MAX_CONVERSATIONS} conversations, least recently used out first. Thread-safe.
 */
final class RecentTranscripts {

    static final int MAX_CONVERSATIONS = 4_096;

    private final ConversationStore conversations;
    private final int window;
    private final Map<String, List<RecentMessage>> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<RecentMessage>> eldest) {
            return size() > MAX_CONVERSATIONS;
        }
    };

    /** @param window how many of a conversation's last messages to keep */
    RecentTranscripts(ConversationStore conversations, int window) {
        this.conversations = conversations;
        this.window = window;
    }

    /** The conversation's last {@code window} messages up to and including {@code latest}, oldest first. */
    Mono<List<RecentMessage>> upTo(Message latest) {
        String conversationId = latest.conversationId();
        long windowStart = Math.max(0, latest.id() - window);
        List<RecentMessage> known = known(conversationId, windowStart);
        long after = known.isEmpty() ? windowStart : known.get(known.size() - 1).id();
        if (after >= latest.id()) {
            return Mono.just(remember(conversationId, known, List.of(), latest.id()));
        }
        if (after == latest.id() - 1) {
            // The usual turn: this node saw everything up to the message being handled, which it holds.
            return Mono.just(remember(conversationId, known, List.of(RecentMessage.of(latest)), latest.id()));
        }
        return conversations.transcript(conversationId, after)
                .takeWhile(m -> m.id() <= latest.id())
                .map(RecentMessage::of)
                .collectList()
                .map(read -> remember(conversationId, known, read, latest.id()));
    }

    /**
     * A message this node just stored (the bot's reply): remembered if it directly follows what is known, so
     * that the next turn need not read it back.
     */
    void saw(Message message) {
        synchronized (recent) {
            List<RecentMessage> current = recent.get(message.conversationId());
            if (current != null && !current.isEmpty() && current.get(current.size() - 1).id() == message.id() - 1) {
                List<RecentMessage> extended = new ArrayList<>(current.subList(current.size() >= window ? 1 : 0, current.size()));
                extended.add(RecentMessage.of(message));
                recent.put(message.conversationId(), List.copyOf(extended));
            }
        }
    }

    private List<RecentMessage> known(String conversationId, long windowStart) {
        List<RecentMessage> cached;
        synchronized (recent) {
            cached = recent.get(conversationId);
        }
        return cached == null ? List.of() : cached.stream().filter(m -> m.id() > windowStart).toList();
    }

    private List<RecentMessage> remember(String conversationId, List<RecentMessage> known, List<RecentMessage> read, long latestId) {
        List<RecentMessage> merged = new ArrayList<>(known.size() + read.size());
        merged.addAll(known);
        merged.addAll(read);
        List<RecentMessage> windowed = List.copyOf(merged.stream().filter(m -> m.id() > latestId - window && m.id() <= latestId).toList());
        synchronized (recent) {
            List<RecentMessage> current = recent.get(conversationId);
            // Two turns of one conversation may race; the one that saw further wins.
            if (current == null || current.isEmpty() || windowed.isEmpty()
                    || current.get(current.size() - 1).id() <= windowed.get(windowed.size() - 1).id()) {
                recent.put(conversationId, windowed);
            }
        }
        return windowed;
    }
}
