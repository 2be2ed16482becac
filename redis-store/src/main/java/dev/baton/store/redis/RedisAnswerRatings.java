package dev.baton.store.redis;

import dev.baton.feedback.AnswerRating;
import dev.baton.feedback.AnswerRatings;
import dev.baton.feedback.IntentHelpfulness;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Ratings of answers in Redis: each conversation's in a hash beside its transcript, the counts per intent in one
 * hash (see {@link RedisKeys}). Keeping a rating and counting it is one script, so an answer is counted once however
 * many nodes are asked at once.
 */
public final class RedisAnswerRatings implements AnswerRatings {

    private static final LuaScript RATE = LuaScript.load(ScriptOutputType.INTEGER, "rate-answer.lua");
    private static final String UP = "up";
    private static final String DOWN = "down";

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;
    private final Duration retention;

    /** @param retention how long a conversation's ratings are kept after its last one */
    public RedisAnswerRatings(RedisReactiveCommands<String, String> redis, RedisKeys keys, Duration retention) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public Mono<Boolean> rate(AnswerRating rating) {
        return Mono.defer(() -> RATE.<Long>run(redis, new String[]{keys.ratings(rating.conversationId()), keys.helpfulness()},
                String.valueOf(rating.messageId()), rating.helpful() ? UP : DOWN, rating.intent(),
                String.valueOf(retention.toMillis()))).map(kept -> kept == 1L);
    }

    @Override
    public Mono<Void> forget(String conversationId) {
        return Mono.defer(() -> redis.del(keys.ratings(conversationId))).then();
    }

    @Override
    public Flux<IntentHelpfulness> perIntent() {
        return redis.hgetall(keys.helpfulness()).collectMap(e -> e.getKey(), e -> Long.parseLong(e.getValue()))
                .flatMapIterable(counts -> {
                    Map<String, long[]> byIntent = new HashMap<>();
                    counts.forEach((field, n) -> {
                        int colon = field.lastIndexOf(':');
                        byIntent.computeIfAbsent(field.substring(0, colon), intent -> new long[2])[UP.equals(field.substring(colon + 1)) ? 0 : 1] += n;
                    });
                    return byIntent.entrySet().stream()
                            .map(e -> new IntentHelpfulness(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
                });
    }
}
