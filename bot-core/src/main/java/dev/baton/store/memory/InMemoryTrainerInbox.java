package dev.baton.store.memory;

import dev.baton.inbox.InboxEntry;
import dev.baton.inbox.InboxReason;
import dev.baton.inbox.InboxWording;
import dev.baton.inbox.TrainerInbox;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The trainer's inbox in this node's memory, kept in order of last sighting so that the least recently seen wordings
 * are the first forgotten, for age or for room.
 */
public final class InMemoryTrainerInbox implements TrainerInbox {

    private final Clock clock;
    private final Limits limits;
    /** Least recently seen first: a wording seen again moves to the end. */
    private final LinkedHashMap<String, InboxWording> wordings = new LinkedHashMap<>();

    public InMemoryTrainerInbox(Clock clock, Limits limits) {
        this.clock = clock;
        this.limits = limits;
    }

    @Override
    public Mono<Void> add(InboxEntry entry) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                String id = entry.wordingId();
                InboxWording before = wordings.remove(id);
                Map<InboxReason, Long> reasons = new EnumMap<>(InboxReason.class);
                if (before != null) {
                    reasons.putAll(before.reasons());
                }
                reasons.merge(entry.reason(), 1L, Long::sum);
                List<String> conversations = Stream.concat(Stream.of(entry.conversationId()),
                                before == null ? Stream.empty() : before.conversationIds().stream())
                        .distinct().limit(CONVERSATIONS_KEPT).toList();
                wordings.put(id, new InboxWording(id, entry, before == null ? 1 : before.count() + 1, reasons, conversations,
                        before == null ? entry.at() : before.firstSeen()));
                forgetBeyondLimits();
            }
        });
    }

    @Override
    public Flux<InboxWording> wordings() {
        return Flux.defer(() -> {
            Instant cutoff = clock.instant().minus(limits.retention());
            List<InboxWording> kept;
            synchronized (this) {
                kept = new ArrayList<>(wordings.values());
            }
            return Flux.fromIterable(kept).filter(w -> !w.lastSeen().isBefore(cutoff));
        });
    }

    @Override
    public Mono<Void> remove(Collection<String> wordingIds) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                wordingIds.forEach(wordings::remove);
            }
        });
    }

    @Override
    public Mono<Integer> forgetConversations(Collection<String> conversationIds) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                int before = wordings.size();
                wordings.values().removeIf(w -> TrainerInbox.mentionsAny(w, conversationIds));
                return before - wordings.size();
            }
        });
    }

    private void forgetBeyondLimits() {
        Instant cutoff = clock.instant().minus(limits.retention());
        Iterator<InboxWording> leastRecentFirst = wordings.values().iterator();
        int excess = wordings.size() - limits.maxWordings();
        while (leastRecentFirst.hasNext()) {
            InboxWording oldest = leastRecentFirst.next();
            if (excess <= 0 && !oldest.lastSeen().isBefore(cutoff)) {
                break;
            }
            leastRecentFirst.remove();
            excess--;
        }
    }
}
