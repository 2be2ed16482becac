package dev.baton.store.redis;

import dev.baton.satisfaction.AgentSatisfaction;
import dev.baton.satisfaction.SatisfactionRating;
import dev.baton.satisfaction.SatisfactionRatings;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Satisfaction ratings in Redis: each conversation's beside its transcript, the counts per agent and score in one hash
 * (see {@link RedisKeys}). Keeping a rating and counting it is one script, so a conversation is counted once however
 * many nodes are asked at once.
 */
public final class RedisSatisfactionRatings implements SatisfactionRatings {

    private static final LuaScript RATE = LuaScript.load(ScriptOutputType.INTEGER, "rate-conversation.lua");

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;
    private final Duration retention;
    private final JsonCodec json;

    /** @param retention how long a conversation's rating is kept */
    RedisSatisfactionRatings(RedisReactiveCommands<String, String> redis, RedisKeys keys, Duration retention, JsonCodec json) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public Mono<Boolean> rate(SatisfactionRating rating) {
        return Mono.defer(() -> RATE.<Long>run(redis, new String[]{keys.satisfaction(rating.conversationId()), keys.satisfactionPerAgent()},
                json.encode(rating), String.valueOf(retention.toMillis()), rating.agentUsername(),
                String.valueOf(rating.score()))).map(kept -> kept == 1L);
    }

    @Override
    public Mono<SatisfactionRating> of(String conversationId) {
        return redis.get(keys.satisfaction(conversationId)).map(json::decodeSatisfaction);
    }

    @Override
    public Mono<Boolean> forget(String conversationId) {
        return Mono.defer(() -> redis.del(keys.satisfaction(conversationId))).map(deleted -> deleted == 1L);
    }

    @Override
    public Flux<AgentSatisfaction> perAgent() {
        return redis.hgetall(keys.satisfactionPerAgent()).collectMap(e -> e.getKey(), e -> Long.parseLong(e.getValue()))
                .flatMapIterable(counts -> {
                    Map<String, long[]> byAgent = new HashMap<>();
                    counts.forEach((field, n) -> {
                        // Usernames may hold a colon; the score after the last one is a single digit.
                        int colon = field.lastIndexOf(':');
                        int score = Integer.parseInt(field.substring(colon + 1));
                        byAgent.computeIfAbsent(field.substring(0, colon), agent -> new long[SatisfactionRating.HIGHEST])[score - 1] += n;
                    });
                    return byAgent.entrySet().stream()
                            .map(e -> new AgentSatisfaction(e.getKey(), Arrays.stream(e.getValue()).boxed().toList())).toList();
                });
    }
}
