package dev.baton.store.redis;

import dev.baton.training.Draft;
import dev.baton.training.Drafts;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Mono;

import java.util.Objects;

/**
 * The installation's shared draft in Redis: the {@code trainer:draft} hash ({@code id}, {@code revision}, and
 * {@code draft}: the draft as JSON; see {@link RedisKeys}). Saving and removing compare id and revision in one script,
 * so a trainer on one node never overwrites a change saved meanwhile on another.
 */
public final class RedisDrafts implements Drafts {

    /** KEYS: draft. ARGV: id, revision, draft JSON. 1 when saved. */
    private static final LuaScript SAVE = LuaScript.load(ScriptOutputType.INTEGER, "save-draft.lua");
    /** KEYS: draft. ARGV: id, revision. 1 when removed. */
    private static final LuaScript REMOVE = LuaScript.load(ScriptOutputType.INTEGER, "remove-draft.lua");

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;
    private final JsonCodec json;

    RedisDrafts(RedisReactiveCommands<String, String> redis, RedisKeys keys, JsonCodec json) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public Mono<Draft> current() {
        return redis.hget(keys.draft(), "draft").map(json::decodeDraft);
    }

    @Override
    public Mono<Boolean> save(Draft next) {
        return Mono.defer(() -> SAVE.<Long>run(redis, new String[]{keys.draft()}, next.id(), String.valueOf(next.revision()),
                json.encode(next))).map(saved -> saved == 1);
    }

    @Override
    public Mono<Boolean> remove(String id, long revision) {
        return REMOVE.<Long>run(redis, new String[]{keys.draft()}, id, String.valueOf(revision)).map(removed -> removed == 1);
    }
}
