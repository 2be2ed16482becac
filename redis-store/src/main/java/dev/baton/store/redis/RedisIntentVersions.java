package dev.baton.store.redis;

import dev.baton.intents.IntentDatabaseLoader.IntentSource;
import dev.baton.training.IntentVersion;
import dev.baton.training.IntentVersions;
import dev.baton.training.VersionInfo;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The published versions in Redis: the {@code trainer:versions} list (version n is its n-th entry, without files, so
 * that listing them stays small) and the {@code trainer:versions:files} hash (field n: version n's files as JSON); see
 * {@link RedisKeys}. One script appends both, so the numbering is the same on every node.
 */
public final class RedisIntentVersions implements IntentVersions {

    /** KEYS: versions, files. ARGV: version JSON, files JSON, '1' for a first version only. The number, or 0. */
    private static final LuaScript ADD = LuaScript.load(ScriptOutputType.INTEGER, "add-version.lua");

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;
    private final JsonCodec json;

    RedisIntentVersions(RedisReactiveCommands<String, String> redis, RedisKeys keys, JsonCodec json) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public Mono<VersionInfo> add(VersionInfo info, List<IntentSource> files) {
        return add(info, files, false);
    }

    @Override
    public Mono<VersionInfo> addFirst(VersionInfo info, List<IntentSource> files) {
        return add(info, files, true);
    }

    @Override
    public Flux<VersionInfo> list() {
        return redis.lrange(keys.versions(), 0, -1).collectList().flatMapMany(stored -> {
            List<VersionInfo> newestFirst = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) {
                newestFirst.add(json.decodeVersion(i + 1, stored.get(i)));
            }
            Collections.reverse(newestFirst);
            return Flux.fromIterable(newestFirst);
        });
    }

    @Override
    public Mono<IntentVersion> find(int number) {
        if (number < 1) {
            return Mono.empty();
        }
        return redis.lindex(keys.versions(), number - 1)
                .zipWith(redis.hget(keys.versionFiles(), String.valueOf(number)))
                .map(stored -> new IntentVersion(json.decodeVersion(number, stored.getT1()), json.decodeIntentFiles(stored.getT2())));
    }

    private Mono<VersionInfo> add(VersionInfo info, List<IntentSource> files, boolean onlyFirst) {
        return Mono.defer(() -> ADD.<Long>run(redis, new String[]{keys.versions(), keys.versionFiles()}, json.encode(info),
                        json.encodeIntentFiles(files), onlyFirst ? "1" : "0"))
                .filter(number -> number > 0)
                .map(number -> new VersionInfo(number.intValue(), info.intentsVersion(), info.action(), info.publishedBy(),
                        info.publishedAt(), info.note()));
    }
}
