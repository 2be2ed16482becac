package dev.baton.store.redis;

import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.DirectoryAgents;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The agents from the company's directory in Redis: one hash, username → JSON with when they last signed in (see
 * {@link RedisKeys}), so that every node knows an agent who signed in on any of them.
 */
public final class RedisDirectoryAgents implements DirectoryAgents {

    /** KEYS: directory agents. ARGV: username, JSON as read, … How many it forgot. */
    private static final LuaScript FORGET = LuaScript.load(ScriptOutputType.INTEGER, "forget-directory-agents.lua");

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;
    private final JsonCodec json;

    RedisDirectoryAgents(RedisReactiveCommands<String, String> redis, RedisKeys keys, JsonCodec json) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public Mono<Void> enrol(AgentRoster.Member agent, Instant signedInAt) {
        return Mono.defer(() -> redis.hset(keys.directoryAgents(), agent.username(), json.encode(agent, signedInAt))).then();
    }

    @Override
    public Mono<Void> withdraw(String username) {
        return Mono.defer(() -> redis.hdel(keys.directoryAgents(), username)).then();
    }

    @Override
    public Mono<AgentRoster.Member> find(String username) {
        return Mono.defer(() -> redis.hget(keys.directoryAgents(), username)).map(value -> json.decodeDirectoryAgent(value).toMember());
    }

    /** Read whole: a company's agents are a few hundred at most. */
    @Override
    public Flux<AgentRoster.Member> all() {
        return Flux.defer(() -> redis.hvals(keys.directoryAgents()))
                .map(value -> json.decodeDirectoryAgent(value).toMember())
                .sort(Comparator.comparing(AgentRoster.Member::username));
    }

    /** Reads them all, then forgets in one script those that signed in before the cutoff and are still as read. */
    @Override
    public Mono<Integer> forgetSignedInBefore(Instant cutoff) {
        return Flux.defer(() -> redis.hgetall(keys.directoryAgents()))
                .filter(entry -> json.decodeDirectoryAgent(entry.getValue()).lastSignIn().isBefore(cutoff))
                .flatMapIterable(entry -> List.of(entry.getKey(), entry.getValue()))
                .collectList()
                .flatMap(expired -> expired.isEmpty() ? Mono.just(0)
                        : FORGET.<Long>run(redis, new String[]{keys.directoryAgents()}, expired.toArray(String[]::new)).map(Long::intValue));
    }
}
