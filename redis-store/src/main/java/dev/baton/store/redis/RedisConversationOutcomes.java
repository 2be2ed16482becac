package dev.baton.store.redis;

import dev.baton.analytics.ConversationOutcome;
import dev.baton.analytics.ConversationOutcomes;
import io.lettuce.core.Range;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Conversation outcomes in Redis: one sorted set of their JSON scored by when each was recorded (see
 * {@link RedisKeys}), so that a period is one range read. Recording drops what is older than the retention.
 */
public final class RedisConversationOutcomes implements ConversationOutcomes {

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;
    private final Duration retention;
    private final JsonCodec json;

    /** @param retention how long an outcome is kept after it was recorded */
    RedisConversationOutcomes(RedisReactiveCommands<String, String> redis, RedisKeys keys, Duration retention, JsonCodec json) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public Mono<Void> record(ConversationOutcome outcome) {
        return Mono.defer(() -> redis.zadd(keys.outcomes(), outcome.at().toEpochMilli(), json.encode(outcome))
                .then(redis.zremrangebyscore(keys.outcomes(),
                        Range.create(Double.NEGATIVE_INFINITY, (double) outcome.at().minus(retention).toEpochMilli() - 1)))
                .then());
    }

    @Override
    public Flux<ConversationOutcome> between(Instant from, Instant to) {
        return Flux.defer(() -> from.isBefore(to)
                ? redis.zrangebyscore(keys.outcomes(), Range.from(Range.Boundary.including(from.toEpochMilli()),
                        Range.Boundary.excluding(to.toEpochMilli()))).map(json::decodeOutcome)
                : Flux.empty());
    }
}
