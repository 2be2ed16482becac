package dev.baton.store;

import dev.baton.conversation.AgentRef;
import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.DirectoryAgents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.Set;

import static dev.baton.store.Fixtures.T0;

/** What every {@link DirectoryAgents} does, specified once. */
public abstract class DirectoryAgentsContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final AgentRoster.Member DANA = new AgentRoster.Member(new AgentRef("dana", "Dana Ortiz"), 3, Set.of("billing", "support"), true);
    private static final AgentRoster.Member BEN = new AgentRoster.Member(new AgentRef("ben", "Ben Okafor"), 5);

    protected DirectoryAgents agents;
    protected DirectoryAgents otherNode;

    protected abstract DirectoryAgents newDirectoryAgents();

    /** Another node's view of {@link #agents}; the same object on a single node. */
    protected abstract DirectoryAgents sameAgentsOnAnotherNode();

    @BeforeEach
    void createAgents() {
        agents = newDirectoryAgents();
        otherNode = sameAgentsOnAnotherNode();
    }

    @Test
    void nobodyIsEnrolledAtFirst() {
        StepVerifier.create(otherNode.all()).verifyComplete();
        StepVerifier.create(otherNode.find("dana")).verifyComplete();
    }

    @Test
    void anAgentEnrolledOnOneNodeIsKnownOnEveryNodeWithTheirNameCapacityTeamsAndWhetherTheySupervise() {
        agents.enrol(DANA, T0).block(TIMEOUT);
        agents.enrol(BEN, T0).block(TIMEOUT);

        StepVerifier.create(otherNode.find("dana")).expectNext(DANA).verifyComplete();
        StepVerifier.create(otherNode.all()).as("by username").expectNext(BEN, DANA).verifyComplete();
    }

    @Test
    void enrollingAgainKeepsWhatTheDirectorySaysNowTheirNameTeamsAndRole() {
        agents.enrol(DANA, T0).block(TIMEOUT);
        AgentRoster.Member renamed = new AgentRoster.Member(new AgentRef("dana", "Dana Ortiz-Lee"), 3, Set.of("billing"));

        otherNode.enrol(renamed, T0.plusSeconds(60)).block(TIMEOUT);

        StepVerifier.create(agents.all()).expectNext(renamed).verifyComplete();
    }

    @Test
    void aWithdrawnAgentIsForgottenOnEveryNode() {
        agents.enrol(DANA, T0).block(TIMEOUT);
        agents.enrol(BEN, T0).block(TIMEOUT);

        otherNode.withdraw("dana").block(TIMEOUT);
        agents.withdraw("nobody").block(TIMEOUT);

        StepVerifier.create(agents.find("dana")).verifyComplete();
        StepVerifier.create(agents.all()).expectNext(BEN).verifyComplete();
    }

    @Test
    void agentsWhoHaveNotSignedInSinceTheCutoffAreForgottenOnEveryNodeAndTheOthersStay() {
        agents.enrol(DANA, T0).block(TIMEOUT);
        agents.enrol(BEN, T0.plus(Duration.ofDays(20))).block(TIMEOUT);

        StepVerifier.create(otherNode.forgetSignedInBefore(T0.plus(Duration.ofDays(10)))).expectNext(1).verifyComplete();
        StepVerifier.create(agents.forgetSignedInBefore(T0.plus(Duration.ofDays(10)))).as("each once").expectNext(0).verifyComplete();

        StepVerifier.create(agents.all()).expectNext(BEN).verifyComplete();
    }

    @Test
    void signingInAgainKeepsAnAgentOnTheRosterPastTheCutoff() {
        agents.enrol(DANA, T0).block(TIMEOUT);
        otherNode.enrol(DANA, T0.plus(Duration.ofDays(30))).block(TIMEOUT);

        StepVerifier.create(agents.forgetSignedInBefore(T0.plus(Duration.ofDays(10)))).expectNext(0).verifyComplete();
        StepVerifier.create(otherNode.find("dana")).expectNext(DANA).verifyComplete();
    }
}
