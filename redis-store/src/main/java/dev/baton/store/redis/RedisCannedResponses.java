package dev.baton.store.redis;

import dev.baton.canned.CannedResponse;
import dev.baton.canned.CannedResponses;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Objects;

/**
 * Canned responses in Redis: the shared ones in the {@code canned:shared} hash, each agent's own in
 * {@code canned:agent:{username}}, one field {@code language:shortcut} per response holding its JSON (see
 * {@link RedisKeys}). Every change is one command on one hash, so nodes need no script to agree.
 */
public final class RedisCannedResponses implements CannedResponses {

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;
    private final JsonCodec json;

    RedisCannedResponses(RedisReactiveCommands<String, String> redis, RedisKeys keys, JsonCodec json) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public Flux<CannedResponse> availableTo(String username) {
        return Flux.defer(() -> Flux.concat(redis.hvals(keys.sharedCannedResponses()), redis.hvals(keys.cannedResponsesOf(username))))
                .map(json::decodeCannedResponse);
    }

    @Override
    public Mono<Void> save(CannedResponse response) {
        return Mono.defer(() -> redis.hset(hash(response.key()), field(response.key()), json.encode(response))).then();
    }

    @Override
    public Mono<Boolean> saveIfAbsent(CannedResponse response) {
        return Mono.defer(() -> redis.hsetnx(hash(response.key()), field(response.key()), json.encode(response)));
    }

    @Override
    public Mono<Boolean> delete(CannedResponse.Key key) {
        return Mono.defer(() -> redis.hdel(hash(key), field(key))).map(removed -> removed > 0);
    }

    private String hash(CannedResponse.Key key) {
        return key.owner().map(keys::cannedResponsesOf).orElseGet(keys::sharedCannedResponses);
    }

    private static String field(CannedResponse.Key key) {
        return key.language() + ":" + key.shortcut();
    }
}
