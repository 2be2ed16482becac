package dev.baton.engine;

import dev.baton.conversation.AtCapacityException;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.IllegalTransitionException;
import dev.baton.conversation.Message;
import dev.baton.conversation.Sender;
import dev.baton.handoff.AgentAvailability;
import dev.baton.handoff.AgentUnavailableException;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.Optional;

import static dev.baton.engine.InMemoryDesk.CARLA;
import static dev.baton.engine.InMemoryDesk.MARIA;
import static dev.baton.engine.InMemoryDesk.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

/** Agents going away and coming back, their capacity, and handing a conversation to a colleague. */
class AgentStatusCapacityAndTransferTest {

    private final InMemoryDesk world = new InMemoryDesk();
    private final AgentDesk desk = world.desk;

    @Test
    void anAgentWhoIsAwayIsNotCountedAmongTheAgentsOnline() {
        desk.consoleConnected("carla").block();
        desk.consoleConnected("maria").block();

        desk.setAway("maria", true).block();

        StepVerifier.create(world.stores.presence().onlineCount()).expectNext(1).verifyComplete();
        StepVerifier.create(desk.availability("maria").map(AgentAvailability::status)).expectNext(AgentAvailability.Status.AWAY).verifyComplete();
        desk.setAway("maria", false).block();
        StepVerifier.create(world.stores.presence().onlineCount()).expectNext(2).verifyComplete();
    }

    @Test
    void acceptingBeyondCapacityIsRefusedAndLeavesTheConversationWaiting() {
        String first = world.waiting("c-1", "en").id();
        String second = world.waiting("c-2", "en").id();
        desk.accept(first, CARLA).block();

        StepVerifier.create(desk.accept(second, CARLA)).expectError(AtCapacityException.class).verify();

        StepVerifier.create(world.stores.queue().waiting()).expectNext(second).verifyComplete();
        StepVerifier.create(desk.availability("carla").map(AgentAvailability::open)).expectNext(1).verifyComplete();
    }

    @Test
    void aTransferTellsTheVisitorWhoTakesOverInTheirLanguageAndLeavesANoteForAgentsOnly() {
        desk.consoleConnected("maria").block();
        String id = world.waiting("c-1", "it").id();
        desk.accept(id, CARLA).block();

        Conversation transferred = desk.transfer(id, CARLA, "maria", Optional.of("Wants a refund")).block();

        assertThat(transferred.agent()).contains(MARIA);
        assertThat(desk.transcript(id).collectList().block()).map(Message::from, Message::text).endsWith(
                org.assertj.core.groups.Tuple.tuple(Sender.NOTE, "Transferred to Maria: Wants a refund"),
                org.assertj.core.groups.Tuple.tuple(Sender.SYSTEM, "Maria prende in carico la tua conversazione."));
        assertThat(desk.transcript(id).filter(m -> m.from() == Sender.NOTE).blockFirst().reachesVisitor()).isFalse();
        StepVerifier.create(desk.assignedTo("carla")).verifyComplete();
    }

    @Test
    void aTransferIsRefusedToSomeoneUnknownOfflineAwayOrFullAndForSomeoneElsesConversation() {
        desk.consoleConnected("carla").block();
        String id = world.waiting("c-1", "en").id();
        desk.accept(id, CARLA).block();

        expectRefused(desk.transfer(id, CARLA, "nobody", Optional.empty()), AgentUnavailableException.Problem.UNKNOWN);
        expectRefused(desk.transfer(id, CARLA, "maria", Optional.empty()), AgentUnavailableException.Problem.OFFLINE);
        desk.consoleConnected("maria").block();
        desk.setAway("maria", true).block();
        expectRefused(desk.transfer(id, CARLA, "maria", Optional.empty()), AgentUnavailableException.Problem.AWAY);
        desk.setAway("maria", false).block();
        StepVerifier.create(desk.transfer(id, MARIA, "carla", Optional.empty())).expectError(IllegalTransitionException.class).verify();

        desk.accept(world.waiting("c-2", "en").id(), MARIA).block();
        desk.accept(world.waiting("c-3", "en").id(), MARIA).block();
        StepVerifier.create(desk.transfer(id, CARLA, "maria", Optional.empty())).expectError(AtCapacityException.class).verify();
        StepVerifier.create(desk.assignedTo("carla").map(Conversation::id)).expectNext(id).verifyComplete();
    }

    @Test
    void aSupervisorReassignsSomeoneElsesConversationToAColleagueWhoIsOnlineAndTheVisitorIsTold() {
        desk.consoleConnected("maria").block();
        String id = world.waiting("c-1", "en").id();
        desk.accept(id, CARLA).block();

        Conversation reassigned = desk.reassign(id, SUPERVISOR, "maria", Optional.of("Carla is on a call")).block();

        assertThat(reassigned.agent()).contains(MARIA);
        assertThat(desk.transcript(id).collectList().block()).map(Message::from, Message::authorName, Message::text).endsWith(
                org.assertj.core.groups.Tuple.tuple(Sender.NOTE, Optional.of("Sam"), "Transferred to Maria: Carla is on a call"),
                org.assertj.core.groups.Tuple.tuple(Sender.SYSTEM, Optional.empty(), "Maria is taking over your conversation."));
        StepVerifier.create(desk.assignedTo("carla")).verifyComplete();
    }

    @Test
    void aReassignmentIsRefusedToAColleagueWhoIsOfflineAndForAConversationNoAgentHas() {
        String id = world.waiting("c-1", "en").id();

        expectRefused(desk.reassign(id, SUPERVISOR, "maria", Optional.empty()), AgentUnavailableException.Problem.OFFLINE);
        desk.consoleConnected("maria").block();
        StepVerifier.create(desk.reassign(id, SUPERVISOR, "maria", Optional.empty())).expectError(IllegalTransitionException.class).verify();
        StepVerifier.create(world.stores.queue().waiting()).expectNext(id).verifyComplete();
    }

    @Test
    void aSupervisorTakesAConversationWithAnAgentOverWithoutTheirConsoleOpenButNotBeyondTheirCapacity() {
        String first = world.waiting("c-1", "en").id();
        String second = world.waiting("c-2", "en").id();
        desk.accept(first, CARLA).block();
        desk.accept(second, MARIA).block();

        StepVerifier.create(desk.takeOver(first, MARIA).map(c -> c.agent().orElseThrow())).expectNext(MARIA).verifyComplete();

        StepVerifier.create(desk.takeOver(world.waiting("c-3", "en").id(), CARLA)).expectError(IllegalTransitionException.class).verify();
        desk.accept(world.waiting("c-4", "en").id(), CARLA).block();
        StepVerifier.create(desk.takeOver(second, CARLA)).expectError(AtCapacityException.class).verify();
    }

    private static void expectRefused(reactor.core.publisher.Mono<Conversation> transfer, AgentUnavailableException.Problem problem) {
        StepVerifier.create(transfer)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(AgentUnavailableException.class,
                        refused -> assertThat(refused.problem()).isEqualTo(problem)))
                .verify();
    }
}
