package dev.baton.store.redis;

import io.lettuce.core.api.reactive.RedisReactiveCommands;

import java.util.List;

/**
 * The command connections a node spreads its conversations over, one conversation always on the same one.
 *
 * <p>Why several: a Lettuce connection is served by one I/O thread, which encodes every command, decodes every
 * reply and runs whatever the caller chained to it. With one connection that thread capped a node at about
 * 1,000 messages per second while the other core idled. Why always the same: Redis runs one connection's
 * commands in the order they were sent, so a conversation's writes and the events published about them keep
 * their order.
 */
public final class ConversationConnections {

    private final List<RedisReactiveCommands<String, String>> connections;

    public ConversationConnections(List<RedisReactiveCommands<String, String>> connections) {
        if (connections.isEmpty()) {
            throw new IllegalArgumentException("at least one connection is needed");
        }
        this.connections = List.copyOf(connections);
    }

    public static ConversationConnections single(RedisReactiveCommands<String, String> connection) {
        return new ConversationConnections(List.of(connection));
    }

    /** The connection for everything about this conversation. */
    RedisReactiveCommands<String, String> of(String conversationId) {
        return connections.get(Math.floorMod(conversationId.hashCode(), connections.size()));
    }

    /** The connection for what belongs to no single conversation. */
    RedisReactiveCommands<String, String> shared() {
        return connections.get(0);
    }
}
