package dev.baton.engine;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.Message;
import dev.baton.conversation.Sender;
import dev.baton.events.ConversationEvent;
import dev.baton.handoff.BusinessHours;
import dev.baton.handoff.QueueStatus;
import dev.baton.handoff.Team;
import dev.baton.handoff.Teams;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.baton.engine.InMemoryDesk.CARLA;
import static dev.baton.engine.InMemoryDesk.MARIA;
import static dev.baton.engine.InMemoryDesk.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Teams at the desk, in memory: each team's own queue, who may take what, transfers to a team, and Baton assigning
 * the conversations of a team in automatic mode. Carla (capacity 1) and Maria (2) are in support, Maria alone in
 * billing; Sam oversees every team.
 */
class TeamQueuesAndAutoAssignmentTest {

    private final InMemoryDesk world = new InMemoryDesk(teams(Team.AssignmentMode.PULL));
    private final AgentDesk desk = world.desk;

    @Test
    void aVisitorsPlaceAndEstimateAreThoseOfTheirTeamsQueue() {
        desk.consoleConnected("carla").block();
        world.waiting("c-support-1", "en", Optional.of("support"));
        world.waiting("c-billing-1", "en", Optional.of("billing"));
        world.waiting("c-support-2", "en", Optional.of("support"));
        world.waiting("c-billing-2", "en", Optional.of("billing"));

        QueueStatus billing = world.handoffs.queueStatus("c-billing-2").block();
        QueueStatus support = world.handoffs.queueStatus("c-support-2").block();

        assertThat(billing.position()).isEqualTo(2);
        assertThat(billing.agentsOnline()).as("Maria, billing's only member, is offline").isZero();
        assertThat(support.position()).isEqualTo(2);
        assertThat(support.agentsOnline()).isEqualTo(1);
    }

    @Test
    void theSnapshotOfTheWholeQueueGivesEachVisitorTheSamePlaceAsAskingAlone() {
        world.waiting("c-support-1", "en", Optional.of("support"));
        world.waiting("c-billing-1", "en", Optional.of("billing"));
        world.waiting("c-support-2", "en", Optional.of("support"));
        List<Conversation> waiting = world.stores.queue().waiting().concatMap(world.stores.conversations()::find).collectList().block();

        QueueSnapshot snapshot = world.handoffs.snapshot(waiting, java.util.Map.of(), world.handoffs.agentsOnline().block());

        for (Conversation c : waiting) {
            assertThat(snapshot.statusOf(c.id())).contains(world.handoffs.queueStatus(c.id()).block());
        }
        assertThat(snapshot.statusOf("c-billing-1").map(QueueStatus::position)).contains(1);
    }

    @Test
    void anAgentCannotTakeNorCloseAnotherTeamsConversationButASupervisorCan() {
        String billing = world.waiting("c-billing", "en", Optional.of("billing")).id();

        StepVerifier.create(desk.accept(billing, CARLA)).expectError(OtherTeamException.class).verify();
        StepVerifier.create(desk.resolve(billing, CARLA)).expectError(OtherTeamException.class).verify();
        StepVerifier.create(world.stores.queue().waiting()).expectNext(billing).verifyComplete();

        assertThat(desk.accept(billing, SUPERVISOR).block().agent()).contains(SUPERVISOR);
    }

    @Test
    void aTransferToATeamPutsTheConversationAtTheFrontOfThatTeamsQueueWithANoteAndTellsTheVisitor() {
        world.waiting("c-billing-1", "en", Optional.of("billing"));
        String id = world.waiting("c-1", "it", Optional.of("support")).id();
        desk.accept(id, CARLA).block();

        Conversation transferred = desk.transferToTeam(id, CARLA, "billing", Optional.of("Double charge on the invoice")).block();

        assertThat(transferred.state()).isEqualTo(ConversationState.WAITING_FOR_AGENT);
        assertThat(transferred.team()).contains("billing");
        StepVerifier.create(world.stores.queue().waiting()).expectNext(id, "c-billing-1").verifyComplete();
        assertThat(desk.transcript(id).collectList().block()).map(Message::from, Message::text).endsWith(
                tuple(Sender.NOTE, "Transferred to the team billing: Double charge on the invoice"),
                tuple(Sender.SYSTEM, "Ti passiamo al team billing, in cima alla sua coda: vedrà tutta la conversazione."));
        StepVerifier.create(desk.assignedTo("carla")).verifyComplete();
        StepVerifier.create(desk.accept(id, CARLA)).expectError(OtherTeamException.class).verify();
    }

    @Test
    void aTransferToATeamThatDoesNotExistIsRefused() {
        String id = world.waiting("c-1", "en", Optional.of("support")).id();
        desk.accept(id, CARLA).block();

        StepVerifier.create(desk.transferToTeam(id, CARLA, "sales", Optional.empty())).expectError(UnknownTeamException.class).verify();
        StepVerifier.create(desk.assignedTo("carla").map(Conversation::id)).expectNext(id).verifyComplete();
    }

    @Test
    void autoAssignmentGivesTheLongestWaitingConversationToTheLeastLoadedAvailableMemberAndTellsTheirConsoles() {
        InMemoryDesk auto = new InMemoryDesk(teams(Team.AssignmentMode.AUTO));
        auto.desk.consoleConnected("carla").block();
        auto.desk.consoleConnected("maria").block();
        auto.waiting("c-1", "en", Optional.of("support"));
        auto.waiting("c-2", "en", Optional.of("support"));
        auto.waiting("c-3", "en", Optional.of("support"));
        auto.waiting("c-4", "en", Optional.of("support"));
        List<ConversationEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        auto.events.observe().subscribe(events::add);

        List<Conversation> assigned = new AutoAssigner(auto.stores, auto.desk).assignWaiting().collectList().block();

        // Both start empty: Carla comes first in the roster; then Maria has fewer; then only Maria has room.
        assertThat(assigned).map(Conversation::id, c -> c.agent().orElseThrow().username())
                .containsExactly(tuple("c-1", "carla"), tuple("c-2", "maria"), tuple("c-3", "maria"));
        StepVerifier.create(auto.stores.queue().waiting()).expectNext("c-4").verifyComplete();
        assertThat(events).filteredOn(ConversationEvent.AutoAssigned.class::isInstance)
                .containsExactly(new ConversationEvent.AutoAssigned("c-1", "carla"), new ConversationEvent.AutoAssigned("c-2", "maria"),
                        new ConversationEvent.AutoAssigned("c-3", "maria"));
        assertThat(auto.desk.transcript("c-1").collectList().block()).map(Message::text).contains("Carla joined the conversation.");
    }

    @Test
    void autoAssignmentPassesOverAVisitorWhoseChatIsClosedUntilTheyAreBack() {
        InMemoryDesk auto = new InMemoryDesk(teams(Team.AssignmentMode.AUTO));
        auto.desk.consoleConnected("carla").block();
        auto.desk.consoleConnected("maria").block();
        auto.waiting("c-gone", "en", Optional.of("support"));
        auto.waiting("c-here", "en", Optional.of("support"));
        auto.stores.visitorPresence().connected("c-gone").then(auto.stores.visitorPresence().disconnected("c-gone")).block();
        auto.stores.visitorPresence().connected("c-here").block();
        AutoAssigner assigner = new AutoAssigner(auto.stores, auto.desk);

        assertThat(assigner.assignWaiting().map(Conversation::id).collectList().block()).containsExactly("c-here");
        StepVerifier.create(auto.stores.queue().waiting()).as("the one who left keeps their place").expectNext("c-gone").verifyComplete();

        auto.stores.visitorPresence().connected("c-gone").block();
        assertThat(assigner.assignWaiting().map(Conversation::id).collectList().block()).containsExactly("c-gone");
    }

    @Test
    void autoAssignmentPassesOverMembersWhoAreAwayAndTeamsThatPull() {
        InMemoryDesk auto = new InMemoryDesk(new Teams(List.of(
                team("support", Set.of("carla", "maria"), Team.AssignmentMode.AUTO),
                team("billing", Set.of("maria"), Team.AssignmentMode.PULL)), Optional.empty(), BusinessHours.always(), Set.of()));
        auto.desk.consoleConnected("carla").block();
        auto.desk.consoleConnected("maria").block();
        auto.desk.setAway("carla", true).block();
        auto.waiting("c-billing", "en", Optional.of("billing"));
        auto.waiting("c-support", "en", Optional.of("support"));

        List<Conversation> assigned = new AutoAssigner(auto.stores, auto.desk).assignWaiting().collectList().block();

        assertThat(assigned).map(Conversation::id, c -> c.agent().orElseThrow().username()).containsExactly(tuple("c-support", "maria"));
    }

    @Test
    void passesRacingOverTheSameQueueAssignEachConversationOnceAndNeverPushAnAgentOverCapacity() {
        InMemoryDesk auto = new InMemoryDesk(teams(Team.AssignmentMode.AUTO));
        auto.desk.consoleConnected("carla").block();
        auto.desk.consoleConnected("maria").block();
        for (int i = 1; i <= 8; i++) {
            auto.waiting("c-" + i, "en", Optional.of("support"));
        }

        List<Conversation> assigned = Flux.range(0, 4)
                .flatMap(node -> new AutoAssigner(auto.stores, auto.desk).assignWaiting().subscribeOn(Schedulers.parallel()))
                .collectList().block();

        assertThat(assigned).map(Conversation::id).doesNotHaveDuplicates().hasSize(3);
        assertThat(auto.desk.assignedTo("carla").count().block()).isEqualTo(1);
        assertThat(auto.desk.assignedTo("maria").count().block()).isEqualTo(2);
        StepVerifier.create(auto.stores.queue().waiting().count()).expectNext(5L).verifyComplete();
    }

    private static Teams teams(Team.AssignmentMode supportMode) {
        return new Teams(List.of(team("support", Set.of("carla", "maria"), supportMode),
                team("billing", Set.of("maria"), Team.AssignmentMode.PULL)), Optional.of("support"), BusinessHours.always(), Set.of("sam"));
    }

    private static Team team(String name, Set<String> members, Team.AssignmentMode mode) {
        return new Team(name, Set.of("en", "it"), Set.of(), members, mode, BusinessHours.always(), Optional.empty());
    }
}
