package dev.baton.engine;

import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Appended;
import dev.baton.conversation.Conversation;
import dev.baton.events.ConversationEvent;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.IllegalTransitionException;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.dialogue.BotPhrases.Phrase;
import dev.baton.handoff.LeftMessage;
import dev.baton.handoff.Sighting;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** What agents do with conversations: take one from the queue, talk, note, hand back to the bot, resolve. */
public final class AgentDesk {

    private final Stores stores;
    private final Handoffs handoffs;
    private final String defaultLanguage;
    private final Clock clock;

    public AgentDesk(Stores stores, Handoffs handoffs, String defaultLanguage, Clock clock) {
        this.stores = stores;
        this.handoffs = handoffs;
        this.defaultLanguage = defaultLanguage;
        this.clock = clock;
    }

    /**
     * One of the agent's consoles connected: they count as online, on every node, and every node hears that the
     * number of agents online may have changed (visitors are told it).
     */
    public Mono<Void> consoleConnected(String agentUsername) {
        return stores.presence().connected(agentUsername).then(agentPresenceChanged(agentUsername));
    }

    /** One of the agent's consoles went away; once the last has, they no longer count as online. */
    public Mono<Void> consoleDisconnected(String agentUsername) {
        return stores.presence().disconnected(agentUsername).then(agentPresenceChanged(agentUsername));
    }

    /** The agent signed out: every console of theirs closes, on every node that hears of it. */
    public Mono<Void> signedOut(String agentUsername) {
        return stores.events().publish(new ConversationEvent.AgentSignedOut(agentUsername));
    }

    private Mono<Void> agentPresenceChanged(String agentUsername) {
        return stores.events().publish(new ConversationEvent.AgentPresenceChanged(agentUsername));
    }

    public Flux<Conversation> assignedTo(String agentUsername) {
        return stores.conversations().withAgent(agentUsername);
    }

    public Mono<Conversation> find(String conversationId) {
        return stores.conversations().find(conversationId)
                .switchIfEmpty(Mono.error(() -> new UnknownConversationException(conversationId)));
    }

    public Flux<Message> transcript(String conversationId) {
        return stores.conversations().transcript(conversationId, 0);
    }

    /**
     * The visitor's conversations that started before this one, oldest first: the customer's history with us
     * as it was when this conversation began (so an old conversation, opened from that history, lists only
     * what came before it).
     */
    public Flux<Conversation> history(Conversation conversation) {
        return stores.conversations().ofVisitor(conversation.visitorId())
                .filter(c -> !c.id().equals(conversation.id()) && !c.startedAt().isAfter(conversation.startedAt()));
    }

    /** Whether each conversation's visitor is online, or when they were last seen. */
    public Mono<Map<String, Sighting>> visitors(Collection<String> conversationIds) {
        return stores.visitorPresence().seen(conversationIds);
    }

    public Flux<LeftMessage> leftMessages() {
        return stores.leftMessages().all();
    }

    /**
     * Takes a waiting conversation, out of the queue in the same step. When agents race, the store's
     * compare-and-set lets exactly one assign it; the others get {@link AlreadyTakenException}.
     */
    public Mono<Conversation> accept(String conversationId, AgentRef agent) {
        AtomicReference<Instant> queuedAt = new AtomicReference<>();
        return stores.conversations().update(conversationId, current -> {
                    if (current.state() == ConversationState.WITH_AGENT) {
                        throw new AlreadyTakenException(conversationId);
                    }
                    // A waiting conversation changes only by leaving the queue: it was last updated when it joined.
                    // The change may run again after a conflict; the last run is the one stored.
                    queuedAt.set(current.updatedAt());
                    return current.assign(agent, clock.instant());
                })
                .switchIfEmpty(Mono.error(() -> new UnknownConversationException(conversationId)))
                .doOnNext(assigned -> handoffs.observer().assigned(assigned, Duration.between(queuedAt.get(), assigned.updatedAt())))
                .flatMap(assigned -> handoffs.changed(assigned)
                        .then(stores.events().publish(new ConversationEvent.QueueChanged(conversationId)))
                        .then(handoffs.post(conversationId, MessageDraft.systemNote(
                                handoffs.replies().say(Phrase.AGENT_JOINED, language(assigned), agent.displayName()))))
                        .thenReturn(assigned));
    }

    public Mono<Message> reply(String conversationId, AgentRef agent, String text, Optional<String> clientMessageId) {
        return Mono.defer(() -> {
            String validText = MessageText.validated(text);
            return assignedConversation(conversationId, agent, "reply in")
                    .flatMap(c -> stores.conversations().appendOnce(conversationId, MessageDraft.fromAgent(agent.displayName(), validText, clientMessageId))
                            .switchIfEmpty(Mono.error(() -> new UnknownConversationException(conversationId)))
                            .doOnNext(appended -> {
                                if (appended.fresh()) {
                                    handoffs.observer().agentReplied(c, appended.message());
                                }
                            })
                            .map(Appended::message));
        });
    }

    /**
     * Adds an internal note to the transcript of any conversation the agent can read, whoever has it and in whatever
     * state: the agents who have it open see it, the visitor never does. A note resent with the same
     * {@code clientMessageId} is stored once.
     */
    public Mono<Message> note(String conversationId, AgentRef agent, String text, Optional<String> clientMessageId) {
        return Mono.defer(() -> {
            String validText = MessageText.validated(text);
            return find(conversationId)
                    .flatMap(c -> stores.conversations().append(conversationId, MessageDraft.note(agent.displayName(), validText, clientMessageId)))
                    .switchIfEmpty(Mono.error(() -> new UnknownConversationException(conversationId)));
        });
    }

    public Mono<Void> typing(String conversationId, AgentRef agent) {
        return assignedConversation(conversationId, agent, "type in")
                .flatMap(c -> stores.events().publish(new ConversationEvent.Typing(conversationId, dev.baton.conversation.Sender.AGENT)));
    }

    /** Gives the conversation back to the bot, which tells the visitor so. */
    public Mono<Conversation> handBack(String conversationId, AgentRef agent) {
        return assignedConversation(conversationId, agent, "hand back")
                .flatMap(c -> stores.conversations().update(conversationId, current -> current.returnToBot(clock.instant())))
                .doOnNext(handoffs.observer()::handedBack)
                .flatMap(back -> handoffs.post(conversationId, MessageDraft.fromBot(
                                handoffs.replies().say(Phrase.BACK_TO_BOT, language(back)), List.of()))
                        .then(handoffs.changed(back))
                        .thenReturn(back));
    }

    /**
     * Closes the conversation: one assigned to the agent, or one still waiting in the queue (which it leaves in the
     * same step). Refused for a conversation still with the bot, since no agent is part of it, and for someone else's.
     */
    public Mono<Conversation> resolve(String conversationId, AgentRef agent) {
        AtomicBoolean wasQueued = new AtomicBoolean();
        return stores.conversations().update(conversationId, current -> {
                    if (current.state() == ConversationState.BOT) {
                        throw new IllegalTransitionException(conversationId, current.state(), "resolve (no agent is part of it)");
                    }
                    if (current.state() == ConversationState.WITH_AGENT && !current.isAssignedTo(agent.username())) {
                        throw new IllegalTransitionException(conversationId, current.state(), "resolve someone else's");
                    }
                    // The change may run again after a conflict; the last run is the one stored.
                    wasQueued.set(current.state() == ConversationState.WAITING_FOR_AGENT);
                    return current.resolve(clock.instant());
                })
                .switchIfEmpty(Mono.error(() -> new UnknownConversationException(conversationId)))
                .doOnNext(handoffs.observer()::resolved)
                .flatMap(resolved -> handoffs.post(conversationId, MessageDraft.systemNote(
                                handoffs.replies().say(Phrase.RESOLVED, language(resolved))))
                        .then(handoffs.changed(resolved))
                        .then(wasQueued.get() ? stores.events().publish(new ConversationEvent.QueueChanged(conversationId)) : Mono.empty())
                        .thenReturn(resolved));
    }

    /**
     * Sends the conversations of an agent who vanished back to the front of the queue (in the same step as their
     * state), with a note to the visitor. When nodes race to do it, the state machine lets one of them win per
     * conversation.
     */
    public Flux<Conversation> requeueConversationsOf(String agentUsername) {
        return stores.conversations().withAgent(agentUsername)
                .concatMap(c -> stores.conversations().update(c.id(), current -> current.requeue(clock.instant()))
                        .doOnNext(handoffs.observer()::requeued)
                        .flatMap(requeued -> handoffs.post(requeued.id(), MessageDraft.systemNote(handoffs.replies().say(Phrase.AGENT_LOST,
                                        language(requeued), c.agent().map(AgentRef::displayName).orElse(agentUsername))))
                                .then(handoffs.changed(requeued))
                                .then(stores.events().publish(new ConversationEvent.QueueChanged(requeued.id())))
                                .thenReturn(requeued))
                        .onErrorResume(IllegalTransitionException.class, alreadyMoved -> Mono.empty()));
    }

    private Mono<Conversation> assignedConversation(String conversationId, AgentRef agent, String action) {
        return find(conversationId).flatMap(c -> c.isAssignedTo(agent.username())
                ? Mono.just(c)
                : Mono.error(new IllegalTransitionException(conversationId, c.state(), action)));
    }

    private String language(Conversation conversation) {
        return conversation.language().orElse(defaultLanguage);
    }
}
