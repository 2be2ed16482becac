package dev.baton.store.redis;

import dev.baton.training.AuditEntry;
import dev.baton.training.AuditLog;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Objects;

/**
 * The audit log in Redis: the {@code trainer:audit} list of JSON entries, newest first, trimmed to its bound in the
 * script that adds each entry (see {@link RedisKeys}).
 */
public final class RedisAuditLog implements AuditLog {

    /** KEYS: audit. ARGV: entry JSON, entries to keep. */
    private static final LuaScript RECORD = LuaScript.load(ScriptOutputType.INTEGER, "record-audit.lua");

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

    @Override
    public Flux<AuditEntry> recent(int limit) {
        return redis.lrange(keys.audit(), 0, limit - 1L).map(json::decodeAuditEntry);
    }
}
