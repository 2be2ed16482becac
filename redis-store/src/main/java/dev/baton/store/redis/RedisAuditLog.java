package dev.baton.store.redis;

import dev.baton.audit.AuditEntry;
import dev.baton.audit.AuditLog;
import dev.baton.audit.AuditQuery;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The audit log in Redis: the {@code trainer:audit} list of JSON entries (named when it held trainers' entries only),
 * newest first, trimmed to its bound in the script that adds each entry (see {@link RedisKeys}).
 */
public final class RedisAuditLog implements AuditLog {

    /** KEYS: audit. ARGV: entry JSON, entries to keep. */
    private static final LuaScript RECORD = LuaScript.load(ScriptOutputType.INTEGER, "record-audit.lua");
    /** KEYS: audit. ARGV: the oldest entries' JSON, oldest first. How many it forgot. */
    private static final LuaScript FORGET_TAIL = LuaScript.load(ScriptOutputType.INTEGER, "forget-audit-tail.lua");
    /** Entries read from the tail per round: the oldest, and at most this many forgotten per script. */
    private static final int TAIL = 100;
    /** Entries read from the head per round of {@link #find}. */
    private static final int PAGE = 200;

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;
    private final int capacity;
    private final JsonCodec json;

    RedisAuditLog(RedisReactiveCommands<String, String> redis, RedisKeys keys, int capacity, JsonCodec json) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.capacity = AuditLog.requirePositive(capacity);
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public Mono<Void> record(AuditEntry entry) {
        return Mono.defer(() -> RECORD.run(redis, new String[]{keys.audit()}, json.encode(entry), String.valueOf(capacity))).then();
    }

    /** Reads the oldest entries, then forgets those older than the cutoff if they are still the oldest; again while a whole round went. */
    @Override
    public Mono<Integer> forgetBefore(Instant cutoff) {
        return forgetRound(cutoff)
                .expand(forgotten -> forgotten == TAIL ? forgetRound(cutoff) : Mono.empty())
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> forgetRound(Instant cutoff) {
        return redis.lrange(keys.audit(), -TAIL, -1).collectList().flatMap(oldestLast -> {
            List<String> expired = new ArrayList<>();
            for (int i = oldestLast.size() - 1; i >= 0 && json.decodeAuditEntry(oldestLast.get(i)).at().isBefore(cutoff); i--) {
                expired.add(oldestLast.get(i));
            }
            return expired.isEmpty() ? Mono.just(0)
                    : FORGET_TAIL.<Long>run(redis, new String[]{keys.audit()}, expired.toArray(String[]::new)).map(Long::intValue);
        });
    }

    /**
     * Reads the list page by page from its newest end. An entry recorded meanwhile pushes the older ones along by one
     * (trimming and forgetting take from the other end): the next page then starts with entries the last one had, which
     * are skipped; none is ever missed.
     */
    @Override
    public Flux<AuditEntry> find(AuditQuery query) {
        return page(0, List.of())
                .expand(page -> page.full() ? page(page.end(), page.raw()) : Mono.empty())
                .concatMapIterable(Page::entries)
                .takeWhile(query::recentEnough)
                .filter(query::selects)
                .skip(query.skip())
                .take(query.limit(), true);
    }

    private record Page(long end, List<String> raw, List<AuditEntry> entries, boolean full) {
    }

    private Mono<Page> page(long start, List<String> previous) {
        return redis.lrange(keys.audit(), start, start + PAGE - 1).collectList().map(raw -> {
            int repeated = 0;
            while (repeated < raw.size() && previous.contains(raw.get(repeated))) {
                repeated++;
            }
            List<AuditEntry> entries = raw.subList(repeated, raw.size()).stream().map(json::decodeAuditEntry).toList();
            return new Page(start + raw.size(), raw, entries, raw.size() == PAGE);
        });
    }
}
