package dev.baton.app.widget;

import dev.baton.engine.LiveQueue;
import dev.baton.engine.QueueSnapshot;
import reactor.core.Disposable;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells each visitor on this node where they stand whenever the node's {@link LiveQueue} has a new view of the
 * queue: one look-up per visitor socket, no store read, and a {@code state} frame only to those whose place,
 * estimate or agents online changed. Visitors who are not waiting hear only the number of agents online, so that
 * an agent signing in or out on any node shows in every widget's header.
 */
final class WaitingVisitors implements AutoCloseable {

    private final Set<VisitorConnection> connections = ConcurrentHashMap.newKeySet();
    private final Disposable subscription;

    WaitingVisitors(LiveQueue queue) {
        this.subscription = queue.observe().subscribe(this::show);
    }

    void add(VisitorConnection connection) {
        connections.add(connection);
    }

    void remove(VisitorConnection connection) {
        connections.remove(connection);
    }

    private void show(QueueSnapshot snapshot) {
        for (VisitorConnection connection : connections) {
            String conversationId = connection.conversationId();
            if (conversationId != null) {
                snapshot.find(conversationId).ifPresentOrElse(
                        waiting -> connection.queueMoved(waiting, snapshot.statusOf(conversationId).orElseThrow()),
                        () -> connection.agentsOnlineChanged(snapshot.agentsOnline()));
            }
        }
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
