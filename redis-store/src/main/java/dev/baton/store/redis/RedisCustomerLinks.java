package dev.baton.store.redis;

import dev.baton.customers.CustomerLinks;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Objects;

/**
 * Customer links in Redis: each member's customer in a string, each customer's members in a set, all under one hash
 * tag (see {@link RedisKeys}) and changed by scripts, so that a link, a merge or an erasure is one atomic step on
 * every node. A customer's keys all expire the retention after its latest link.
 */
public final class RedisCustomerLinks implements CustomerLinks {

    private static final LuaScript LINK = LuaScript.load(ScriptOutputType.VALUE, "link-customer.lua");
    private static final LuaScript UNLINK = LuaScript.load(ScriptOutputType.INTEGER, "unlink-customer.lua");
    private static final LuaScript FORGET = LuaScript.load(ScriptOutputType.INTEGER, "forget-customer.lua");
    private static final String[] NO_KEYS = new String[0];

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys.CustomerLinkKeys keys;
    private final Duration retention;

    /** @param retention how long a customer's links are kept after the latest */
    public RedisCustomerLinks(RedisReactiveCommands<String, String> redis, RedisKeys keys, Duration retention) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys").customerLinks();
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public Mono<String> customerOf(String member) {
        return Mono.defer(() -> redis.get(keys.member(member)));
    }

    @Override
    public Flux<String> membersOf(String customerId) {
        return Flux.defer(() -> redis.smembers(keys.customer(customerId)));
    }

    @Override
    public Mono<String> link(String member, String other, String newCustomerId) {
        return LINK.run(redis, NO_KEYS, keys.memberPrefix(), keys.customerPrefix(), member, other, newCustomerId,
                Long.toString(retention.toMillis()));
    }

    @Override
    public Mono<Boolean> unlink(String member) {
        return UNLINK.<Long>run(redis, NO_KEYS, keys.memberPrefix(), keys.customerPrefix(), member).map(linked -> linked == 1L);
    }

    @Override
    public Mono<Integer> forget(String customerId) {
        return FORGET.<Long>run(redis, NO_KEYS, keys.memberPrefix(), keys.customerPrefix(), customerId).map(Long::intValue);
    }
}
