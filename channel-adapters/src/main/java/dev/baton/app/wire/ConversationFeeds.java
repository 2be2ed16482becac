package dev.baton.app.wire;

import dev.baton.events.ConversationEvent;
import dev.baton.events.ConversationEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Hands each socket the events it needs and no others. Filtering the node's whole event stream in every socket
 * costs every event once per open socket — with a thousand visitors, a thousand times — so this subscribes once
 * and looks each event's listeners up: by conversation (a visitor's conversation, the conversations a console has
 * open), by agent (a conversation that changed hands reaches its agent's consoles) and, for messages left for the
 * agents, every console. Queue changes go to nobody here: the node's {@link dev.baton.engine.LiveQueue} reads the
 * queue once for everyone.
 */
public final class ConversationFeeds implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConversationFeeds.class);

    private final Map<String, List<Consumer<ConversationEvent>>> byConversation = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<ConversationEvent>>> byAgent = new ConcurrentHashMap<>();
    private final List<Consumer<ConversationEvent>> consoles = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConversationEvent>> supervisors = new CopyOnWriteArrayList<>();
    private final int maxBuffered;
    private final Disposable subscription;

    /** @param maxBuffered events one socket may have waiting before its feed fails with an overflow */
    public ConversationFeeds(ConversationEvents events, int maxBuffered) {
        this.maxBuffered = maxBuffered;
        // Dispatching only hands events on, so the node's bus overflows only if this node is hopelessly behind;
        // the sockets then miss events (they catch up on reconnect), but the feeds go on.
        this.subscription = events.observe()
                .doOnError(e -> log.warn("conversation events overflowed; some sockets missed events: {}", e.toString()))
                .retry()
                .subscribe(this::dispatch);
    }

    /**
     * The events of one conversation from now on. Hot; buffers up to {@code maxBuffered} events for a slow socket;
     * beyond, it misses the later ones and, after the buffered ones, fails with an overflow error
     * ({@link reactor.core.Exceptions#isOverflow}).
     */
    public Flux<ConversationEvent> observe(String conversationId) {
        return Flux.<ConversationEvent>create(sink -> {
            Consumer<ConversationEvent> listener = sink::next;
            add(byConversation, conversationId, listener);
            sink.onDispose(() -> remove(byConversation, conversationId, listener));
        }, FluxSink.OverflowStrategy.BUFFER).onBackpressureBuffer(maxBuffered);
    }

    /**
     * What one agent console hears from now on: every event of each conversation in {@code conversationIds} once
     * it is named there (a console opens more conversations as it goes), each change of state of a conversation
     * that is (or becomes) {@code agentUsername}'s, every message left for the agents, the agent's presence changing
     * (a console connecting or going, the agent going away or coming back) and the agent signing out. An event that
     * concerns the console in more than one way comes once. Hot; buffers like {@link #observe}.
     */
    public Flux<ConversationEvent> observeConsole(String agentUsername, Flux<String> conversationIds) {
        return Flux.<ConversationEvent>create(sink -> {
            Consumer<ConversationEvent> listener = sink::next;
            Set<String> followed = ConcurrentHashMap.newKeySet();
            add(byAgent, agentUsername, listener);
            consoles.add(listener);
            Disposable opened = conversationIds.filter(followed::add)
                    .subscribe(id -> add(byConversation, id, listener));
            sink.onDispose(() -> {
                opened.dispose();
                remove(byAgent, agentUsername, listener);
                consoles.remove(listener);
                followed.forEach(id -> remove(byConversation, id, listener));
            });
        }, FluxSink.OverflowStrategy.BUFFER).onBackpressureBuffer(maxBuffered);
    }

    /**
     * What a supervisor's view hears from now on: every change of any conversation's state and of any agent's
     * presence, which move the agents' loads and statuses, and every agent signing out (the view closes when its
     * supervisor does). Hot; buffers like {@link #observe}.
     */
    public Flux<ConversationEvent> observeTeam() {
        return Flux.<ConversationEvent>create(sink -> {
            Consumer<ConversationEvent> listener = sink::next;
            supervisors.add(listener);
            sink.onDispose(() -> supervisors.remove(listener));
        }, FluxSink.OverflowStrategy.BUFFER).onBackpressureBuffer(maxBuffered);
    }

    private void dispatch(ConversationEvent event) {
        if (event instanceof ConversationEvent.StateChanged || event instanceof ConversationEvent.AgentPresenceChanged
                || event instanceof ConversationEvent.AgentSignedOut) {
            supervisors.forEach(listener -> listener.accept(event));
        }
        // Node-wide changes, which reach sockets as views of the queue (see LiveQueue), not one by one; the agent's
        // own consoles hear of their presence, to show whether they are away.
        if (event instanceof ConversationEvent.AgentPresenceChanged changed) {
            toAgent(changed.agentUsername(), event);
            return;
        }
        if (event instanceof ConversationEvent.QueueChanged) {
            return;
        }
        // Every console lists the queue, whose entries show whether each visitor is there.
        if (event instanceof ConversationEvent.MessageLeft || event instanceof ConversationEvent.VisitorPresenceChanged) {
            consoles.forEach(listener -> listener.accept(event));
            return;
        }
        if (event instanceof ConversationEvent.AgentSignedOut signedOut) {
            toAgent(signedOut.agentUsername(), event);
            return;
        }
        if (event instanceof ConversationEvent.AutoAssigned assigned) {
            toAgent(assigned.agentUsername(), event);
            return;
        }
        List<Consumer<ConversationEvent>> watching = byConversation.get(event.conversationId());
        if (event instanceof ConversationEvent.StateChanged changed && changed.conversation().agent().isPresent()) {
            List<Consumer<ConversationEvent>> agents = byAgent.get(changed.conversation().agent().get().username());
            if (agents != null) {
                Set<Consumer<ConversationEvent>> once = Collections.newSetFromMap(new IdentityHashMap<>());
                if (watching != null) {
                    once.addAll(watching);
                }
                once.addAll(agents);
                once.forEach(listener -> listener.accept(event));
                return;
            }
        }
        if (watching != null) {
            watching.forEach(listener -> listener.accept(event));
        }
    }

    private void toAgent(String agentUsername, ConversationEvent event) {
        List<Consumer<ConversationEvent>> consolesOfAgent = byAgent.get(agentUsername);
        if (consolesOfAgent != null) {
            consolesOfAgent.forEach(listener -> listener.accept(event));
        }
    }

    private static void add(Map<String, List<Consumer<ConversationEvent>>> listeners, String key,
                            Consumer<ConversationEvent> listener) {
        listeners.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(listener);
    }

    private static void remove(Map<String, List<Consumer<ConversationEvent>>> listeners, String key,
                               Consumer<ConversationEvent> listener) {
        listeners.computeIfPresent(key, (k, registered) -> {
            registered.remove(listener);
            return registered.isEmpty() ? null : registered;
        });
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
