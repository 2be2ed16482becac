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
import dev.baton.conversation.AtCapacityException;
import dev.baton.handoff.AgentAvailability;
import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.AgentUnavailableException;
import dev.baton.handoff.LeftMessage;
import dev.baton.handoff.Sighting;
import dev.baton.handoff.Teams;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * What agents do with conversations: take one from the queue, talk, note, transfer to a colleague, hand back to the
 * bot, resolve; and say whether they are taking conversations at all (online or away).
 */
public final class AgentDesk {

    private final Stores stores;
    private final Handoffs handoffs;
    private final AgentRoster roster;
    private final String defaultLanguage;
    private final Clock clock;

    /** @param roster who may take conversations, and how many each at once */
    public AgentDesk(Stores stores, Handoffs handoffs, AgentRoster roster, String defaultLanguage, Clock clock) {
        this.stores = stores;
        this.handoffs = handoffs;
        this.roster = roster;
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

    /**
     * The agent is away (or back): still connected, but not counted among the agents who can come, on any node, until
     * they say otherwise. Every node hears of it, as of a console connecting.
     */
    public Mono<Void> setAway(String agentUsername, boolean away) {
        return stores.presence().setAway(agentUsername, away).then(agentPresenceChanged(agentUsername));
    }

    /** One agent's status and load; empty for someone not on the roster. */
    public Mono<AgentAvailability> availability(String agentUsername) {
        return roster.find(agentUsername)
                .flatMap(member -> Mono.zip(stores.presence().online(), stores.presence().away(),
                                stores.conversations().countWithAgent(agentUsername))
                        .map(read -> new AgentAvailability(member,
                                AgentAvailability.status(read.getT1().contains(agentUsername), read.getT2().contains(agentUsername)),
                                read.getT3())));
    }

    /** Every agent on the roster with their status and load, in the roster's order (who a conversation can go to). */
    public Mono<List<AgentAvailability>> team() {
        return Mono.zip(stores.presence().online(), stores.presence().away()).flatMap(presence -> roster.members()
                .concatMap(member -> stores.conversations().countWithAgent(member.username())
                        .map(open -> new AgentAvailability(member, AgentAvailability.status(
                                presence.getT1().contains(member.username()), presence.getT2().contains(member.username())), open)))
                .collectList());
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

    /** Whether each conversation's visitor is online, or when they were last seen. */
    public Mono<Map<String, Sighting>> visitors(Collection<String> conversationIds) {
        return stores.visitorPresence().seen(conversationIds);
    }

    public Flux<LeftMessage> leftMessages() {
        return stores.leftMessages().all();
    }

    /**
     * Takes a waiting conversation, out of the queue in the same step. When agents race, the store's
     * compare-and-set lets exactly one assign it; the others get {@link AlreadyTakenException}. Refused with
     * {@link AtCapacityException} when the agent already has as many conversations as their capacity, counted in
     * the same atomic step as the assignment, and with {@link OtherTeamException} when it waits for a team the agent
     * is not in (supervisors take any).
     */
    public Mono<Conversation> accept(String conversationId, AgentRef agent) {
        return memberOf(agent).flatMap(member -> assign(conversationId, agent, member));
    }

    /**
     * Baton gives a waiting conversation to {@code member} (see {@link AutoAssignment}): an {@link #accept} on their
     * behalf, refused the same way, and announced to their consoles as an {@link ConversationEvent.AutoAssigned}.
     */
    Mono<Conversation> assignAutomatically(String conversationId, AgentRoster.Member member) {
        return assign(conversationId, member.agent(), member)
                .flatMap(assigned -> stores.events().publish(new ConversationEvent.AutoAssigned(conversationId, member.username()))
                        .thenReturn(assigned));
    }

    private Mono<Conversation> assign(String conversationId, AgentRef agent, AgentRoster.Member member) {
        AtomicReference<Instant> queuedAt = new AtomicReference<>();
        return stores.conversations().updateWithinCapacity(conversationId, current -> {
                    if (current.state() == ConversationState.WITH_AGENT) {
                        throw new AlreadyTakenException(conversationId);
                    }
                    if (current.state() == ConversationState.WAITING_FOR_AGENT && !teams().serves(member, current.team())) {
                        throw new OtherTeamException(conversationId, current.team().orElseThrow());
                    }
                    // A waiting conversation changes only by leaving the queue: it was last updated when it joined.
                    // The change may run again after a conflict; the last run is the one stored.
                    queuedAt.set(current.updatedAt());
                    return current.assign(agent, clock.instant());
                }, member.capacity())
                .switchIfEmpty(Mono.error(() -> new UnknownConversationException(conversationId)))
                .doOnNext(assigned -> handoffs.observer().assigned(assigned, Duration.between(queuedAt.get(), assigned.updatedAt())))
                .flatMap(assigned -> handoffs.changed(assigned)
                        .then(stores.events().publish(new ConversationEvent.QueueChanged(conversationId)))
                        .then(handoffs.post(conversationId, MessageDraft.systemNote(
                                handoffs.replies().say(Phrase.AGENT_JOINED, language(assigned), agent.displayName()))))
                        .thenReturn(assigned));
    }

    /**
     * Sends a conversation of {@code from}'s to the queue of {@code team}, at its front (the visitor already waited
     * once, and the conversation is under way), in one step. The transcript gets a note for agents only, with
     * {@code note} if the agent wrote one, which the next agent reads; the visitor is told, in their language. Refused
     * with {@link UnknownTeamException} for a team not configured and {@link IllegalTransitionException} for a
     * conversation not with {@code from}.
     */
    public Mono<Conversation> transferToTeam(String conversationId, AgentRef from, String team, Optional<String> note) {
        return Mono.defer(() -> {
            Optional<String> validNote = note.filter(n -> !n.isBlank()).map(MessageText::validated);
            if (teams().find(team).isEmpty()) {
                return Mono.error(new UnknownTeamException(team));
            }
            return stores.conversations().update(conversationId, current -> {
                        if (!current.isAssignedTo(from.username())) {
                            throw new IllegalTransitionException(conversationId, current.state(), "transfer someone else's");
                        }
                        return current.transferToTeam(team, clock.instant());
                    })
                    .switchIfEmpty(Mono.error(() -> new UnknownConversationException(conversationId)))
                    .flatMap(queued -> handoffs.post(conversationId, MessageDraft.note(from.displayName(),
                                    "Transferred to the team " + team + validNote.map(n -> ": " + n).orElse("."), Optional.empty()))
                            .then(handoffs.post(conversationId, MessageDraft.systemNote(
                                    handoffs.replies().say(Phrase.TRANSFERRED_TO_TEAM, language(queued), team))))
                            .then(handoffs.changed(queued))
                            .then(stores.events().publish(new ConversationEvent.QueueChanged(conversationId)))
                            .thenReturn(queued));
        });
    }

    /** The installation's teams. */
    public Teams teams() {
        return handoffs.teams();
    }

    /**
     * Gives a conversation of {@code from}'s to a colleague who is online, not away and under capacity (counted in the
     * same atomic step as the change of hands). The transcript gets a note for agents only, with {@code note} if
     * the agent wrote one, and the visitor is told who is taking over, in their language. Refused with
     * {@link AgentUnavailableException} for someone not on the roster, offline or away, {@link AtCapacityException}
     * for a colleague with no room, and {@link IllegalTransitionException} for a conversation not with {@code from}.
     */
    public Mono<Conversation> transfer(String conversationId, AgentRef from, String toUsername, Optional<String> note) {
        return handOver(conversationId, from, toUsername, note, true,
                current -> current.isAssignedTo(from.username()), "transfer someone else's");
    }

    /**
     * A supervisor gives any conversation with an agent to another agent: a {@link #transfer} with the supervisor's
     * authority instead of the holder's, refused the same way when the colleague cannot take it.
     */
    public Mono<Conversation> reassign(String conversationId, AgentRef supervisor, String toUsername, Optional<String> note) {
        return handOver(conversationId, supervisor, toUsername, note, true,
                current -> true, "reassign");
    }

    /**
     * A supervisor takes a conversation with an agent over themselves, whether or not their own console is open
     * (they decided to): only their capacity is checked, in the same atomic step as the change of hands.
     */
    public Mono<Conversation> takeOver(String conversationId, AgentRef supervisor) {
        return handOver(conversationId, supervisor, supervisor.username(), Optional.empty(), false,
                current -> true, "take over");
    }

    private Mono<Conversation> handOver(String conversationId, AgentRef by, String toUsername, Optional<String> note,
                                        boolean toMustBeOnline, Predicate<Conversation> mayHandOver, String action) {
        return Mono.defer(() -> {
            Optional<String> validNote = note.filter(n -> !n.isBlank()).map(MessageText::validated);
            return availability(toUsername)
                    .switchIfEmpty(Mono.error(() -> new AgentUnavailableException(toUsername, AgentUnavailableException.Problem.UNKNOWN)))
                    .flatMap(to -> switch (toMustBeOnline ? to.status() : AgentAvailability.Status.ONLINE) {
                        case OFFLINE -> Mono.error(new AgentUnavailableException(toUsername, AgentUnavailableException.Problem.OFFLINE));
                        case AWAY -> Mono.error(new AgentUnavailableException(toUsername, AgentUnavailableException.Problem.AWAY));
                        case ONLINE -> stores.conversations().updateWithinCapacity(conversationId, current -> {
                                    if (!mayHandOver.test(current)) {
                                        throw new IllegalTransitionException(conversationId, current.state(), action);
                                    }
                                    return current.transfer(to.member().agent(), clock.instant());
                                }, to.member().capacity())
                                .switchIfEmpty(Mono.error(() -> new UnknownConversationException(conversationId)));
                    })
                    .flatMap(transferred -> {
                        String taker = transferred.agent().map(AgentRef::displayName).orElse(toUsername);
                        return handoffs.post(conversationId, MessageDraft.note(by.displayName(),
                                        "Transferred to " + taker + validNote.map(n -> ": " + n).orElse("."), Optional.empty()))
                                .then(handoffs.post(conversationId, MessageDraft.systemNote(
                                        handoffs.replies().say(Phrase.TRANSFERRED, language(transferred), taker))))
                                .then(handoffs.changed(transferred))
                                .thenReturn(transferred);
                    });
        });
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
     * Closes the conversation: one assigned to the agent, or one still waiting in the queue of one of their teams
     * (which it leaves in the same step). Refused for a conversation still with the bot, since no agent is part of it,
     * for someone else's, and ({@link OtherTeamException}) for one waiting for a team the agent is not in.
     */
    public Mono<Conversation> resolve(String conversationId, AgentRef agent) {
        AtomicBoolean wasQueued = new AtomicBoolean();
        return memberOf(agent).flatMap(member -> stores.conversations().update(conversationId, current -> {
                    if (current.state() == ConversationState.BOT) {
                        throw new IllegalTransitionException(conversationId, current.state(), "resolve (no agent is part of it)");
                    }
                    if (current.state() == ConversationState.WITH_AGENT && !current.isAssignedTo(agent.username())) {
                        throw new IllegalTransitionException(conversationId, current.state(), "resolve someone else's");
                    }
                    if (current.state() == ConversationState.WAITING_FOR_AGENT && !teams().serves(member, current.team())) {
                        throw new OtherTeamException(conversationId, current.team().orElseThrow());
                    }
                    // The change may run again after a conflict; the last run is the one stored.
                    wasQueued.set(current.state() == ConversationState.WAITING_FOR_AGENT);
                    return current.resolve(clock.instant());
                }))
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

    /** The agent on the roster; someone not on it (a supervisor who is no agent) in no team, with the usual capacity. */
    private Mono<AgentRoster.Member> memberOf(AgentRef agent) {
        return roster.find(agent.username()).defaultIfEmpty(new AgentRoster.Member(agent, AgentRoster.DEFAULT_CAPACITY));
    }

    /** Whether the agent sees and may take every team's conversations (no teams configured, or a supervisor). */
    public Mono<Boolean> seesEveryTeam(AgentRef agent) {
        return memberOf(agent).map(teams()::seesEveryTeam);
    }

    /** The teams the agent is in, configured or given by the company's directory; none for someone not on the roster. */
    public Mono<Set<String>> teamsOf(String agentUsername) {
        return roster.find(agentUsername).map(teams()::teamsOf).defaultIfEmpty(Set.of());
    }

    private String language(Conversation conversation) {
        return conversation.language().orElse(defaultLanguage);
    }
}
