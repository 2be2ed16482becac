package dev.baton.store;

import dev.baton.training.AuditEntry;
import dev.baton.training.AuditLog;
import dev.baton.training.TrainerAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;

import static dev.baton.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link AuditLog} does, specified once. */
public abstract class AuditLogContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** How many entries the logs under test keep. */
    protected static final int CAPACITY = 3;

    protected AuditLog audit;
    protected AuditLog otherNode;

    protected abstract AuditLog newAuditLog();

    /** Another node's view of {@link #audit}; the same object on a single node. */
    protected abstract AuditLog sameLogOnAnotherNode();

    @BeforeEach
    void createLog() {
        audit = newAuditLog();
        otherNode = sameLogOnAnotherNode();
    }

    @Test
    void theLogIsEmptyAtFirst() {
        StepVerifier.create(otherNode.recent(10)).verifyComplete();
    }

    @Test
    void everyNodeReadsEveryEntryNewestFirst() {
        AuditEntry first = entry(1, TrainerAction.EXAMPLE_ADDED, "returns", "added the example \"cracked teapot\" in \"en\"");
        AuditEntry second = entry(2, TrainerAction.PUBLISHED, "version 2", "teapots (intents 0123456789ab)");

        audit.record(first).block(TIMEOUT);
        otherNode.record(second).block(TIMEOUT);

        StepVerifier.create(audit.recent(10)).expectNext(second, first).verifyComplete();
        StepVerifier.create(otherNode.recent(1)).expectNext(second).verifyComplete();
    }

    @Test
    void keepsOnlyTheMostRecentEntries() {
        for (int i = 1; i <= CAPACITY + 2; i++) {
            (i % 2 == 0 ? otherNode : audit).record(entry(i, TrainerAction.INTENT_SAVED, "intent" + i, "saved")).block(TIMEOUT);
        }

        StepVerifier.create(audit.recent(10))
                .expectNext(entry(5, TrainerAction.INTENT_SAVED, "intent5", "saved"),
                        entry(4, TrainerAction.INTENT_SAVED, "intent4", "saved"),
                        entry(3, TrainerAction.INTENT_SAVED, "intent3", "saved"))
                .verifyComplete();
    }

    @Test
    void forgetsTheEntriesBeforeTheCutoffOnceWhicheverNodesAsk() {
        AuditEntry old = entry(1, TrainerAction.EXAMPLE_ADDED, "returns", "old");
        AuditEntry older = entry(0, TrainerAction.EXAMPLE_ADDED, "returns", "older");
        AuditEntry recent = entry(100, TrainerAction.PUBLISHED, "version 3", "recent");
        audit.record(older).block(TIMEOUT);
        audit.record(old).block(TIMEOUT);
        otherNode.record(recent).block(TIMEOUT);

        Integer here = audit.forgetBefore(T0.plusSeconds(50)).block(TIMEOUT);
        Integer there = otherNode.forgetBefore(T0.plusSeconds(50)).block(TIMEOUT);

        StepVerifier.create(otherNode.recent(10)).expectNext(recent).verifyComplete();
        assertThat(here + there).as("forgotten in all").isEqualTo(2);
    }

    private static AuditEntry entry(int second, TrainerAction action, String subject, String detail) {
        return new AuditEntry(T0.plusSeconds(second), second % 2 == 0 ? "bruno" : "alice", action, subject, detail);
    }
}
