package dev.baton.store;

import dev.baton.audit.Actor;
import dev.baton.audit.AuditAction;
import dev.baton.audit.AuditEntry;
import dev.baton.audit.AuditLog;
import dev.baton.audit.AuditQuery;
import dev.baton.audit.StaffAction;
import dev.baton.training.TrainerAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** A log keeping many entries, on both "nodes" at once, to read through more than one page. */
    protected abstract AuditLog newAuditLogKeeping(int entries);

    @BeforeEach
    void createLog() {
        audit = newAuditLog();
        otherNode = sameLogOnAnotherNode();
    }

    @Test
    void theLogIsEmptyAtFirst() {
        StepVerifier.create(otherNode.find(AuditQuery.latest(10))).verifyComplete();
    }

    @Test
    void everyNodeReadsEveryEntryNewestFirstWithWhoAndFromWhere() {
        AuditEntry first = entry(1, TrainerAction.EXAMPLE_ADDED, "returns", "added the example \"cracked teapot\" in \"en\"");
        AuditEntry second = entry(2, TrainerAction.PUBLISHED, "version 2", "teapots (intents 0123456789ab)");

        audit.record(first).block(TIMEOUT);
        otherNode.record(second).block(TIMEOUT);

        StepVerifier.create(audit.find(AuditQuery.latest(10))).expectNext(second, first).verifyComplete();
        StepVerifier.create(otherNode.find(AuditQuery.latest(1))).expectNext(second).verifyComplete();
        assertThat(first.from()).isEqualTo("192.0.2.1");
    }

    @Test
    void keepsOnlyTheMostRecentEntries() {
        for (int i = 1; i <= CAPACITY + 2; i++) {
            (i % 2 == 0 ? otherNode : audit).record(entry(i, TrainerAction.INTENT_SAVED, "intent" + i, "saved")).block(TIMEOUT);
        }

        StepVerifier.create(audit.find(AuditQuery.latest(10)))
                .expectNext(entry(5, TrainerAction.INTENT_SAVED, "intent5", "saved"),
                        entry(4, TrainerAction.INTENT_SAVED, "intent4", "saved"),
                        entry(3, TrainerAction.INTENT_SAVED, "intent3", "saved"))
                .verifyComplete();
    }

    @Test
    void findsTheEntriesSinceATimeOfOneUserAndOfSomeActions() {
        AuditLog log = newAuditLogKeeping(1_000);
        for (int i = 0; i < 600; i++) {
            log.record(entry(i, i % 3 == 0 ? StaffAction.ACCEPTED : StaffAction.RESOLVED, "conversation-" + i, "")).block(TIMEOUT);
        }

        List<AuditEntry> sinceAndOfBruno = log.find(new AuditQuery(Optional.of(T0.plusSeconds(100)), Optional.empty(),
                Optional.of("bruno"), Set.of(), 0, 1_000)).collectList().block(TIMEOUT);
        List<AuditEntry> accepts = log.find(AuditQuery.latestOf(List.of(StaffAction.ACCEPTED), 1_000)).collectList().block(TIMEOUT);
        List<AuditEntry> latestFive = log.find(new AuditQuery(Optional.empty(), Optional.empty(), Optional.of("alice"), Set.of(), 0, 5))
                .collectList().block(TIMEOUT);

        assertThat(sinceAndOfBruno).hasSize(250).allMatch(e -> e.who().equals("bruno") && !e.at().isBefore(T0.plusSeconds(100)));
        assertThat(sinceAndOfBruno.get(0).subject()).isEqualTo("conversation-598");
        assertThat(sinceAndOfBruno.get(249).subject()).isEqualTo("conversation-100");
        assertThat(accepts).hasSize(200).extracting(AuditEntry::action).containsOnly("accepted");
        assertThat(latestFive).extracting(AuditEntry::subject)
                .containsExactly("conversation-599", "conversation-597", "conversation-595", "conversation-593", "conversation-591");
    }

    @Test
    void readsAPeriodPageByPageWithoutEntriesRecordedAfterItMovingThePages() {
        AuditLog log = newAuditLogKeeping(1_000);
        for (int i = 0; i < 300; i++) {
            log.record(entry(i, StaffAction.ACCEPTED, "conversation-" + i, "")).block(TIMEOUT);
        }
        AuditQuery firstPage = new AuditQuery(Optional.of(T0.plusSeconds(50)), Optional.of(T0.plusSeconds(250)),
                Optional.empty(), Set.of(), 0, 120);
        AuditQuery secondPage = new AuditQuery(firstPage.since(), firstPage.until(), Optional.empty(), Set.of(), 120, 120);

        List<AuditEntry> first = log.find(firstPage).collectList().block(TIMEOUT);
        log.record(entry(300, StaffAction.ACCEPTED, "conversation-300", "")).block(TIMEOUT);
        List<AuditEntry> second = log.find(secondPage).collectList().block(TIMEOUT);

        assertThat(first).hasSize(120);
        assertThat(first.get(0).subject()).as("the newest before until").isEqualTo("conversation-249");
        assertThat(second).hasSize(80);
        assertThat(second.get(0).subject()).as("right after the first page").isEqualTo("conversation-129");
        assertThat(second.get(79).subject()).as("the oldest since since").isEqualTo("conversation-50");
    }

    @Test
    void readsEveryEntryOnceWhileOthersAreRecorded() {
        AuditLog log = newAuditLogKeeping(2_000);
        for (int i = 0; i < 600; i++) {
            log.record(entry(i, StaffAction.NOTE_ADDED, "conversation-" + i, "")).block(TIMEOUT);
        }

        List<AuditEntry> read = log.find(AuditQuery.latest(1_000))
                .concatMap(e -> log.record(entry(1_000, StaffAction.RESOLVED, "meanwhile", "")).thenReturn(e))
                .collectList().block(TIMEOUT);

        assertThat(read).extracting(AuditEntry::subject).doesNotHaveDuplicates().hasSize(600).startsWith("conversation-599");
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

        StepVerifier.create(otherNode.find(AuditQuery.latest(10))).expectNext(recent).verifyComplete();
        assertThat(here + there).as("forgotten in all").isEqualTo(2);
    }

    private static AuditEntry entry(int second, AuditAction action, String subject, String detail) {
        Actor who = second % 2 == 0 ? new Actor("bruno", "2001:db8::7") : new Actor("alice", "192.0.2.1");
        return new AuditEntry(T0.plusSeconds(second), who, action, subject, detail);
    }
}
