package dev.baton.handoff;

import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Who is there, on any node: agents by username (is anyone there to come?), visitors by the conversation their
 * socket follows (is the visitor still waiting?). One is online while a connection of theirs is open on a live
 * node; once the last one closes, the time it closed is remembered for {@link #LAST_SEEN_KEPT}.
 */
public interface Presence {

    /** How long the time someone was last seen is remembered after their last connection closed. */
    java.time.Duration LAST_SEEN_KEPT = java.time.Duration.ofDays(1);

    /** A connection opened; counts connections, so two tabs are one online until both close. */
    Mono<Void> connected(String who);

    Mono<Void> disconnected(String who);

    Mono<Integer> onlineCount();

    /** Everyone online now. */
    Mono<Set<String>> online();

    /**
     * Whether each of {@code whos} is online, or when they were last seen; every one of them is a key of the map,
     * {@link Sighting#never()} for one never seen (or seen longer ago than {@link #LAST_SEEN_KEPT}).
     */
    Mono<Map<String, Sighting>> seen(Collection<String> whos);
}
