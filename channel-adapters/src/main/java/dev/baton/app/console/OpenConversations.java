package dev.baton.app.console;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.HashSet;
import java.util.Set;

/**
 * The conversations one console has open (its agent's, and any it looked at): their events are pushed to it.
 * Each is announced once on {@link #opened()}, where the console's feed starts following it.
 */
final class OpenConversations {

    private final Set<String> open = new HashSet<>();
    private final Sinks.Many<String> opened = Sinks.many().unicast().onBackpressureBuffer();

    /** Opens a conversation; the console hears its events from the moment this returns. */
    synchronized void add(String conversationId) {
        if (open.add(conversationId)) {
            opened.tryEmitNext(conversationId);
        }
    }

    synchronized boolean contains(String conversationId) {
        return open.contains(conversationId);
    }

    /** Every conversation opened, from the first; for one subscriber. */
    Flux<String> opened() {
        return opened.asFlux();
    }
}
