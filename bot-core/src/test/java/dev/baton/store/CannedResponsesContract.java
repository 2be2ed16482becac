package dev.baton.store;

import dev.baton.canned.CannedResponse;
import dev.baton.canned.CannedResponses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link CannedResponses} does, specified once. */
public abstract class CannedResponsesContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    protected CannedResponses canned;
    protected CannedResponses otherNode;

    protected abstract CannedResponses newCannedResponses();

    /** Another node's view of {@link #canned}; the same object on a single node. */
    protected abstract CannedResponses sameResponsesOnAnotherNode();

    @BeforeEach
    void createStore() {
        canned = newCannedResponses();
        otherNode = sameResponsesOnAnotherNode();
    }

    @Test
    void everyAgentReadsTheSharedOnesAndOnlyTheirOwnPersonalOnesOnAnyNode() {
        CannedResponse refund = CannedResponse.shared("en", "refund", "Your refund for {order_number} is on its way.");
        CannedResponse rimborso = CannedResponse.shared("it", "refund", "Il rimborso per {order_number} è in arrivo.");
        CannedResponse alicesHello = CannedResponse.personal("alice", "en", "hi", "Hi {visitor_name}, {agent_name} here.");
        CannedResponse brunosHello = CannedResponse.personal("bruno", "en", "hi", "Hello, Bruno speaking.");

        canned.save(refund).then(otherNode.save(rimborso)).then(canned.save(alicesHello)).then(otherNode.save(brunosHello)).block(TIMEOUT);

        assertThat(list(otherNode, "alice")).containsExactlyInAnyOrder(refund, rimborso, alicesHello);
        assertThat(list(canned, "bruno")).containsExactlyInAnyOrder(refund, rimborso, brunosHello);
        assertThat(list(canned, "carla")).containsExactlyInAnyOrder(refund, rimborso);
    }

    @Test
    void savingUnderTheSameKeyReplacesAndSeedingKeepsWhatIsThere() {
        CannedResponse first = CannedResponse.shared("en", "wait", "One moment please.");
        CannedResponse edited = CannedResponse.shared("en", "wait", "One moment, I am checking.");
        canned.save(first).then(otherNode.save(edited)).block(TIMEOUT);

        StepVerifier.create(canned.saveIfAbsent(first)).expectNext(false).verifyComplete();
        StepVerifier.create(otherNode.saveIfAbsent(CannedResponse.shared("en", "bye", "Goodbye!"))).expectNext(true).verifyComplete();
        assertThat(list(canned, "alice")).containsExactlyInAnyOrder(edited, CannedResponse.shared("en", "bye", "Goodbye!"));
    }

    @Test
    void deletingRemovesOnlyThatKeyAndSaysWhetherItWasThere() {
        CannedResponse mine = CannedResponse.personal("alice", "en", "wait", "Give me a minute.");
        CannedResponse shared = CannedResponse.shared("en", "wait", "One moment please.");
        canned.save(mine).then(canned.save(shared)).block(TIMEOUT);

        StepVerifier.create(otherNode.delete(mine.key())).expectNext(true).verifyComplete();
        StepVerifier.create(canned.delete(mine.key())).expectNext(false).verifyComplete();
        assertThat(list(canned, "alice")).containsExactly(shared);
    }

    private static List<CannedResponse> list(CannedResponses store, String username) {
        return store.availableTo(username).collectList().block(TIMEOUT);
    }
}
