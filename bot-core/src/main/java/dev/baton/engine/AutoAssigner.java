package dev.baton.engine;

import dev.baton.conversation.AtCapacityException;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.IllegalTransitionException;
import dev.baton.events.ConversationEvent;
import dev.baton.handoff.AgentAvailability;
import dev.baton.handoff.AutoAssignment;
import dev.baton.handoff.Sighting;
import dev.baton.handoff.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives the waiting conversations of teams in {@link Team.AssignmentMode#AUTO} mode to their members, longest-waiting
 * first, each to the available member with the fewest open conversations ({@link AutoAssignment}).
 *
 * <p>Every node runs one. The choice is made on what the node read, and the assignment is the store's atomic
 * {@link dev.baton.conversation.ConversationStore#updateWithinCapacity}: when nodes race, a conversation is assigned
 * once (the loser finds it taken) and no agent goes over capacity (the loser is refused, reads again and chooses the
 * next member). A pass assigns as long as there are both conversations and members with room.
 */
public final class AutoAssigner {

    private static final Logger log = LoggerFactory.getLogger(AutoAssigner.class);

    private final Stores stores;
    private final AgentDesk desk;

    public AutoAssigner(Stores stores, AgentDesk desk) {
        this.stores = stores;
        this.desk = desk;
    }

    /** Whether any team assigns automatically: if none does, there is nothing to run. */
    public boolean needed() {
        return desk.teams().all().stream().anyMatch(team -> team.mode() == Team.AssignmentMode.AUTO);
    }

    /** One pass over every automatic team; emits the conversations it assigned. */
    public Flux<Conversation> assignWaiting() {
        return Flux.fromIterable(desk.teams().all())
                .filter(team -> team.mode() == Team.AssignmentMode.AUTO)
                .concatMap(this::assignWaitingOf);
    }

    private Flux<Conversation> assignWaitingOf(Team team) {
        return Mono.zip(waitingFor(team), membersOf(team).map(List::size)).flatMapMany(read -> Flux.fromIterable(read.getT1())
                .concatMap(conversation -> assign(conversation, team, read.getT2())));
    }

    /**
     * The team's waiting conversations whose visitor is there, longest-waiting first. A visitor whose page closed is
     * passed over while they may still come back (they keep their place, and a sweep gives it to an agent on their
     * return); giving them an agent would take that agent's room for nobody. A visitor never seen on a socket (a
     * messaging channel, which reports no presence) is there.
     */
    private Mono<List<Conversation>> waitingFor(Team team) {
        // The ids are collected first: on Redis, a result stream not drained pauses the connection the reads need.
        return stores.queue().waiting().collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(id -> stores.conversations().find(id))
                .filter(c -> c.team().equals(Optional.of(team.name())))
                .collectList()
                .flatMap(waiting -> stores.visitorPresence().seen(waiting.stream().map(Conversation::id).toList())
                        .map(seen -> waiting.stream().filter(c -> there(seen.get(c.id()))).toList()));
    }

    private static boolean there(Sighting sighting) {
        return sighting == null || sighting.online() || sighting.lastSeen().isEmpty();
    }

    /**
     * Gives one conversation to the least-loaded member with room, read now; a member another node filled meanwhile
     * refuses, and the next is tried with loads read again, at most once per member. Empty when nobody has room or
     * the conversation is taken.
     */
    private Mono<Conversation> assign(Conversation waiting, Team team, int attempts) {
        if (attempts <= 0) {
            return Mono.empty();
        }
        return membersOf(team)
                .flatMap(members -> Mono.justOrEmpty(AutoAssignment.choose(members)))
                .flatMap(chosen -> desk.assignAutomatically(waiting.id(), chosen.member()))
                .onErrorResume(AtCapacityException.class, full -> assign(waiting, team, attempts - 1))
                .onErrorResume(e -> e instanceof AlreadyTakenException || e instanceof IllegalTransitionException
                        || e instanceof UnknownConversationException, gone -> Mono.empty());
    }

    private Mono<List<AgentAvailability>> membersOf(Team team) {
        return desk.team().map(everyone -> {
            List<AgentAvailability> members = new ArrayList<>();
            everyone.stream().filter(a -> desk.teams().isIn(a.member(), team)).forEach(members::add);
            return members;
        });
    }

    /**
     * Assigns when a conversation may have joined a queue or an agent may have room (a queue change, an agent's
     * presence, any conversation's state), and every {@code period} besides (events between nodes are at most once).
     * Changes that come while a pass runs fold into one more pass. A failed pass is logged and the next one tries again.
     */
    public Flux<Conversation> assignContinually(Duration period, Scheduler scheduler) {
        return Flux.merge(stores.events().observe().filter(AutoAssigner::mayFreeOrQueue),
                        Flux.interval(Duration.ZERO, period, scheduler))
                .onBackpressureLatest()
                .concatMap(change -> assignWaiting().onErrorResume(failure -> {
                    log.warn("Automatic assignment failed; the next change or sweep tries again: {}", failure.toString());
                    return Mono.empty();
                }), 0);
    }

    private static boolean mayFreeOrQueue(ConversationEvent event) {
        return event instanceof ConversationEvent.QueueChanged || event instanceof ConversationEvent.AgentPresenceChanged
                || event instanceof ConversationEvent.StateChanged;
    }
}
