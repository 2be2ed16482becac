package dev.baton.engine;

import dev.baton.conversation.BotDecision;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.EarlierConversations;
import dev.baton.events.ConversationEvent;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.IllegalTransitionException;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.dialogue.BotPhrases.Phrase;
import dev.baton.dialogue.MoodReading;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.IntentCandidate;
import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.BusinessHours;
import dev.baton.handoff.Teams;
import dev.baton.handoff.HandoffSummaryWriter;
import dev.baton.handoff.QueueStatus;
import dev.baton.handoff.Sighting;
import dev.baton.handoff.WaitEstimator;
import dev.baton.observation.ConversationObserver;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Moving conversations between the bot, the queue and people, and saying so in the transcript — the steps
 * the visitor's and the agents' sides share. Every change is published as an event.
 */
public final class Handoffs {

    /** Conversations read at once to know the teams of those ahead of a visitor. */
    private static final int READS_IN_FLIGHT = 32;

    private final Stores stores;
    private final HandoffSummaryWriter summaries;
    private final WaitEstimator waits;
    private final Replies replies;
    private final Clock clock;
    private final ConversationObserver observer;
    private final Teams teams;
    private final AgentRoster roster;
    private final EarlierConversations earlier;

    /**
     * @param observer told of every step on either side, once it is stored
     * @param teams    who takes which conversation, and when each team's people answer; out of hours, with nobody of
     *                 the team online, the visitor is told when they are back
     * @param roster   the agents, whose teams say who of those online can come for each team
     */
    public Handoffs(Stores stores, HandoffSummaryWriter summaries, WaitEstimator waits,
                    dev.baton.dialogue.BotPhrases phrases, String defaultLanguage, Clock clock, ConversationObserver observer,
                    Teams teams, AgentRoster roster) {
        this(stores, summaries, waits, phrases, defaultLanguage, clock, observer, teams, roster,
                EarlierConversations.ofTheVisitorIn(stores.conversations()));
    }

    /** @param earlier the customer's earlier conversations, which the summary counts: on every channel they are linked on */
    public Handoffs(Stores stores, HandoffSummaryWriter summaries, WaitEstimator waits,
                    dev.baton.dialogue.BotPhrases phrases, String defaultLanguage, Clock clock, ConversationObserver observer,
                    Teams teams, AgentRoster roster, EarlierConversations earlier) {
        this.earlier = earlier;
        this.teams = teams;
        this.roster = roster;
        this.stores = stores;
        this.summaries = summaries;
        this.waits = waits;
        this.replies = new Replies(phrases, defaultLanguage);
        this.clock = clock;
        this.observer = observer;
    }

    Replies replies() {
        return replies;
    }

    ConversationObserver observer() {
        return observer;
    }

    Teams teams() {
        return teams;
    }

    /** Stores a message; the store tells everyone watching the conversation. */
    public Mono<Message> post(String conversationId, MessageDraft draft) {
        return stores.conversations().append(conversationId, draft)
                .switchIfEmpty(Mono.error(() -> new UnknownConversationException(conversationId)));
    }

    /**
     * Records the bot's turn ({@code turn}), writes the summary, routes the conversation to its team and queues it —
     * one step: the store queues it as it enters {@code WAITING_FOR_AGENT} — and tells the visitor honestly what
     * happens next, with a different message when nobody of the team is online, so nobody waits for someone who is
     * not there.
     *
     * @param intent  the intent that asked for people, if one did; otherwise the top intent the bot considered routes
     * @param teamOfIntent the team an intent's file names, by the intent's id (from the intent database in service)
     */
    Mono<Void> handOff(Conversation conversation, UnaryOperator<Conversation> turn, HandoffReason reason, BotDecision why,
                       String language, Optional<String> languageNote, MoodReading mood, Optional<String> announcement,
                       Optional<String> intent, Function<String, Optional<String>> teamOfIntent) {
        return stores.conversations().transcript(conversation.id(), 0).collectList()
                .zipWith(earlier.before(conversation).count())
                .flatMap(history -> stores.conversations().update(conversation.id(), current -> {
                    Conversation turned = turn.apply(current);
                    Optional<String> top = intent.or(() -> turned.considered().stream().findFirst().map(IntentCandidate::intent));
                    Optional<String> team = teams.route(top, top.flatMap(teamOfIntent), language);
                    return turned.handOff(summaries.write(turned, history.getT1(), reason, language, languageNote, mood,
                            history.getT2().intValue(), clock.instant()), team, clock.instant());
                }))
                .flatMap(waiting -> agentsOnline()
                        .flatMap(online -> post(waiting.id(), MessageDraft.fromBot(
                                announcement.orElseGet(() -> announceHandoff(online.of(waiting.team()), waiting.team(), language)),
                                List.of()).decidedBy(why)))
                        .then(changed(waiting))
                        .then(stores.events().publish(new ConversationEvent.QueueChanged(waiting.id()))));
    }

    /**
     * What the visitor is told as they join the queue: that someone will see the conversation; or, with nobody of
     * their team online, that they may wait or leave a message; or, out of the team's hours, when people are back.
     * Someone online out of hours (working late) takes conversations as usual.
     */
    private String announceHandoff(int online, Optional<String> team, String language) {
        if (online > 0) {
            return replies.say(Phrase.HANDING_OFF, language);
        }
        Instant now = clock.instant();
        BusinessHours hours = teams.hoursOf(team);
        if (hours.isOpen(now)) {
            return replies.say(Phrase.HANDING_OFF_NOBODY_ONLINE, language);
        }
        return hours.nextOpening(now)
                .map(opening -> replies.say(Phrase.HANDING_OFF_CLOSED, language, OpeningTimes.inWords(opening, language)))
                .orElseGet(() -> replies.say(Phrase.HANDING_OFF_CLOSED_UNTIL_UNKNOWN, language));
    }

    /**
     * What a waiting visitor on a messaging channel, who has no banner to read it in, is told of their place: their
     * number and roughly how long, in their language. Empty when the conversation is not waiting, or when nobody is
     * online (the handoff message already said so, and an estimate would promise nothing).
     */
    public Mono<String> placeInQueue(Conversation waiting) {
        String language = waiting.language().orElse(replies.defaultLanguage());
        return queueStatus(waiting.id())
                .filter(status -> status.agentsOnline() > 0)
                .map(status -> replies.say(Phrase.PLACE_IN_QUEUE, language, status.position(),
                        Math.max(1, (status.estimatedWaitSeconds() + 59) / 60)));
    }

    /**
     * When the people of the conversation's team are next there, if they are not now: empty while open. A
     * conversation with the bot (or closed) goes by the installation's hours: a new handoff routes it afresh.
     */
    public Optional<ZonedDateTime> closedUntil(Conversation conversation) {
        boolean withPeople = conversation.state() == ConversationState.WAITING_FOR_AGENT
                || conversation.state() == ConversationState.WITH_AGENT;
        return teams.hoursOf(withPeople ? conversation.team() : Optional.empty()).nextOpening(clock.instant());
    }

    /**
     * How many agents can come now, in all and per team. Without teams one count; with them, who is online and who
     * is away, matched against each team's members.
     */
    public Mono<AgentsOnline> agentsOnline() {
        if (!teams.configured()) {
            return stores.presence().onlineCount().map(total -> new AgentsOnline(total, Map.of()));
        }
        return Mono.zip(stores.presence().online(), stores.presence().away()).flatMap(presence -> {
            Set<String> available = new HashSet<>(presence.getT1());
            available.removeAll(presence.getT2());
            return roster.members().filter(member -> available.contains(member.username())).collectList().map(members -> {
                Map<String, Integer> byTeam = new HashMap<>();
                teams.all().forEach(team -> byTeam.put(team.name(),
                        (int) members.stream().filter(member -> teams.isIn(member, team)).count()));
                return new AgentsOnline(available.size(), byTeam);
            });
        });
    }

    /**
     * Takes a waiting conversation out of the queue and back to the bot, in one step; refused (with
     * {@link IllegalTransitionException}) if it is not waiting, e.g. because an agent took it first.
     */
    Mono<Conversation> leaveQueue(Conversation conversation) {
        AtomicReference<Instant> queuedAt = new AtomicReference<>();
        return stores.conversations().update(conversation.id(), c -> {
                    // The change may run again after a conflict; the last run is the one stored.
                    queuedAt.set(c.updatedAt());
                    return c.stopWaiting(clock.instant());
                })
                .switchIfEmpty(Mono.error(() -> new UnknownConversationException(conversation.id())))
                .doOnNext(back -> observer.leftQueue(back, Duration.between(queuedAt.get(), back.updatedAt())))
                .flatMap(back -> changed(back)
                        .then(stores.events().publish(new ConversationEvent.QueueChanged(back.id())))
                        .thenReturn(back));
    }

    /**
     * Where a waiting conversation stands in its team's queue, counting only the visitors ahead who are still there;
     * empty when it is not queued. Reads the queue up to the conversation, and the presence of everyone ahead; with
     * teams, also the conversations ahead, to know which of them wait for the same team.
     *
     * <p>Each team's queue is the installation's one queue read through the team: the store keeps the team as a field
     * of the conversation and one ordered queue for all, so that routing, transfers and requeues change the queue in
     * the atomic steps (and Redis scripts) that already exist, and an order across teams is kept for supervisors.
     * The price is a read of the conversations ahead, which the node's {@link LiveQueue} shares among all visitors.
     */
    public Mono<QueueStatus> queueStatus(String conversationId) {
        return stores.queue().waiting().takeUntil(conversationId::equals).collectList()
                .filter(upToIt -> !upToIt.isEmpty() && upToIt.get(upToIt.size() - 1).equals(conversationId))
                .flatMap(upToIt -> teams.configured() ? sameTeamAhead(upToIt) : Mono.just(new Ahead(Optional.empty(), upToIt.subList(0, upToIt.size() - 1))))
                .flatMap(ahead -> stores.visitorPresence().seen(ahead.ids())
                        .zipWith(agentsOnline(), (seen, online) -> {
                            Instant now = clock.instant();
                            return waits.status(1 + (int) seen.values().stream().filter(visitor -> waits.counts(visitor, now)).count(),
                                    online.of(ahead.team()));
                        }));
    }

    /** The ids of the conversations ahead in one team's queue. */
    private record Ahead(Optional<String> team, List<String> ids) {
    }

    private Mono<Ahead> sameTeamAhead(List<String> upToIt) {
        return Flux.fromIterable(upToIt).flatMapSequential(id -> stores.conversations().find(id), READS_IN_FLIGHT).collectList()
                .filter(read -> !read.isEmpty() && read.get(read.size() - 1).id().equals(upToIt.get(upToIt.size() - 1)))
                .map(read -> {
                    Optional<String> team = read.get(read.size() - 1).team();
                    return new Ahead(team, read.subList(0, read.size() - 1).stream()
                            .filter(c -> c.team().equals(team)).map(Conversation::id).toList());
                });
    }

    /**
     * The whole queue at once, each waiting visitor's status in their team's queue worked out as {@link #queueStatus}
     * does for one.
     *
     * @param waiting      the waiting conversations, longest-waiting first
     * @param visitors     whether each one's visitor is online, or when last seen
     * @param agentsOnline agents online at the moment the queue was read
     */
    public QueueSnapshot snapshot(List<Conversation> waiting, Map<String, Sighting> visitors, AgentsOnline agentsOnline) {
        Instant now = clock.instant();
        return new QueueSnapshot(waiting, visitors, id -> waits.counts(visitors.getOrDefault(id, Sighting.never()), now), agentsOnline,
                waits::status);
    }

    Mono<Void> changed(Conversation conversation) {
        return stores.events().publish(new ConversationEvent.StateChanged(conversation.id(), conversation));
    }
}
