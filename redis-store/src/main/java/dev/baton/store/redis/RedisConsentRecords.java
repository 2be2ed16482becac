package dev.baton.store.redis;

import dev.baton.privacy.Consent;
import dev.baton.privacy.ConsentRecords;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Consents in Redis: each conversation's in a small hash beside its transcript (see {@link RedisKeys}), expiring the
 * conversations' retention after it was given.
 */
public final class RedisConsentRecords implements ConsentRecords {

    private static final String NOTICE = "notice";
    private static final String AT = "at";
    /** Absent from consents recorded before it was: those were all accepted in the widget. */
    private static final String HOW = "how";

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;
    private final Duration retention;

    /** @param retention how long a consent is kept, from when it was given */
    public RedisConsentRecords(RedisReactiveCommands<String, String> redis, RedisKeys keys, Duration retention) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    /** Two commands: should the second fail, the consent stays without expiry until the conversation's erasure. */
    @Override
    public Mono<Consent> record(Consent consent) {
        String key = keys.consent(consent.conversationId());
        return Mono.defer(() -> redis.hset(key, Map.of(NOTICE, consent.noticeVersion(), AT, consent.at().toString(),
                HOW, consent.how().name().toLowerCase(Locale.ROOT))))
                .then(Mono.defer(() -> redis.pexpire(key, retention.toMillis())))
                .thenReturn(consent);
    }

    @Override
    public Mono<Consent> of(String conversationId) {
        return Mono.defer(() -> redis.hgetall(keys.consent(conversationId)).collectMap(e -> e.getKey(), e -> e.getValue()))
                .filter(fields -> fields.containsKey(NOTICE) && fields.containsKey(AT))
                .map(fields -> new Consent(conversationId, fields.get(NOTICE), IsoInstants.parse(fields.get(AT)),
                        Consent.How.valueOf(fields.getOrDefault(HOW, "accepted").toUpperCase(Locale.ROOT))));
    }

    @Override
    public Mono<Boolean> forget(String conversationId) {
        return Mono.defer(() -> redis.del(keys.consent(conversationId))).map(deleted -> deleted == 1L);
    }
}
