package dev.baton.inbox;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Collection;

/**
 * Where the messages the bot did not handle well wait for a trainer, counted by wording: in memory on one node, in
 * Redis across many. Bounded: a wording not seen for the retention is forgotten, and beyond the most wordings the
 * least recently seen go first.
 */
public interface TrainerInbox {

    /** How many conversations a wording remembers, most recent first. */
    int CONVERSATIONS_KEPT = 5;

    /** Counts {@code entry} towards its {@linkplain InboxEntry#wordingId() wording}, which it becomes the latest of. */
    Mono<Void> add(InboxEntry entry);

    /** Every wording seen within the retention, in no particular order. */
    Flux<InboxWording> wordings();

    /** Forgets these wordings (dismissed, or handled by a trainer); unknown ids are ignored. */
    Mono<Void> remove(Collection<String> wordingIds);

    /**
     * Forgets every wording whose latest message came from one of these conversations or that remembers one of them
     * (a visitor's right to erasure: an older message of a wording is kept only as a count); emits how many.
     */
    Mono<Integer> forgetConversations(Collection<String> conversationIds);

    /** Whether the wording came from, or remembers, one of these conversations: what {@link #forgetConversations} forgets. */
    static boolean mentionsAny(InboxWording wording, Collection<String> conversationIds) {
        return conversationIds.contains(wording.latest().conversationId())
                || wording.conversationIds().stream().anyMatch(conversationIds::contains);
    }

    /**
     * How long and how much the inbox keeps.
     *
     * @param retention   a wording not seen for this long is forgotten
     * @param maxWordings at most this many wordings are kept; beyond, the least recently seen are forgotten
     */
    record Limits(Duration retention, int maxWordings) {

        public static final Limits DEFAULTS = new Limits(Duration.ofDays(30), 1000);

        public Limits {
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("the inbox's retention must be positive: " + retention);
            }
            if (maxWordings < 1) {
                throw new IllegalArgumentException("the inbox must keep at least one wording: " + maxWordings);
            }
        }
    }
}
