package dev.baton.store.redis;

import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.DirectoryAgents;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.Objects;

/**
 * The agents from the company's directory in Redis: one hash, username → JSON (see {@link RedisKeys}), so that every
 * node knows an agent who signed in on any of them.
 */
public final class RedisDirectoryAgents implements DirectoryAgents {

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;
    private final JsonCodec json;

    RedisDirectoryAgents(RedisReactiveCommands<String, String> redis, RedisKeys keys, JsonCodec json) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public Mono<Void> enrol(AgentRoster.Member agent) {
        return Mono.defer(() -> redis.hset(keys.directoryAgents(), agent.username(), json.encode(agent))).then();
    }

    @Override
    public Mono<Void> withdraw(String username) {
        return Mono.defer(() -> redis.hdel(keys.directoryAgents(), username)).then();
    }

    @Override
    public Mono<AgentRoster.Member> find(String username) {
        return Mono.defer(() -> redis.hget(keys.directoryAgents(), username)).map(json::decodeDirectoryAgent);
    }

    /** Read whole: a company's agents are a few hundred at most. */
    @Override
    public Flux<AgentRoster.Member> all() {
        return Flux.defer(() -> redis.hvals(keys.directoryAgents()))
                .map(json::decodeDirectoryAgent)
                .sort(Comparator.comparing(AgentRoster.Member::username));
    }
}
