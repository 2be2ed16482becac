package dev.baton.handoff;

import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Who is there, on any node: agents by username (is anyone there to come?), visitors by the conversation their
 * socket follows (is the visitor still waiting?). One is online while a connection of theirs is open on a live
 * node; once the last one closes, the time it closed is remembered for {@link #LAST_SEEN_KEPT}. An agent may also be
 * {@linkplain #setAway away}: connected, but not counted among those who can come.
 */
public interface Presence {

    /** How long the time someone was last seen is remembered after their last connection closed. */
    java.time.Duration LAST_SEEN_KEPT = java.time.Duration.ofDays(1);

    /** A connection opened; counts connections, so two tabs are one online until both close. */
    Mono<Void> connected(String who);

    Mono<Void> disconnected(String who);

    /** Everyone online and not {@linkplain #setAway away}: for agents, how many can come. */
    Mono<Integer> onlineCount();

    /**
     * Someone stays connected but is away (or back): they do not count in {@link #onlineCount()}. Kept, on every
     * node, until changed again, also while they are offline: an agent who left for lunch comes back away.
     */
    Mono<Void> setAway(String who, boolean away);

    /** Everyone marked away, online or not. */
    Mono<Set<String>> away();

    /** Everyone online now. */
    Mono<Set<String>> online();

    /**
     * Forgets {@code who} altogether, on every node: online, last seen and away (a visitor's right to erasure). A
     * connection of theirs still open on another node may count them again within the store's grace period.
     */
    Mono<Void> forget(String who);

    /**
     * Whether each of {@code whos} is online, or when they were last seen; every one of them is a key of the map,
     * {@link Sighting#never()} for one never seen (or seen longer ago than {@link #LAST_SEEN_KEPT}).
     */
    Mono<Map<String, Sighting>> seen(Collection<String> whos);
}
