package dev.baton.store;

import dev.baton.privacy.Consent;
import dev.baton.privacy.ConsentRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;

import static dev.baton.store.Fixtures.T0;

/** What every {@link ConsentRecords} does, specified once. */
public abstract class ConsentRecordsContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** How long the stores under test keep a consent. */
    protected static final Duration RETENTION = Duration.ofDays(30);

    /** The stores' clock, a minute after the fixtures' {@code T0}. */
    protected final SettableClock clock = new SettableClock(T0.plusSeconds(60));
    protected ConsentRecords consents;
    protected ConsentRecords otherNode;

    protected abstract ConsentRecords newConsents();

    /** Another node's view of {@link #consents}; the same object on a single node. */
    protected abstract ConsentRecords sameConsentsOnAnotherNode();

    @BeforeEach
    void createConsents() {
        consents = newConsents();
        otherNode = sameConsentsOnAnotherNode();
    }

    @Test
    void keepsTheNoticeVersionAVisitorAcceptedAndWhenForEveryNodeToRead() {
        Consent consent = Consent.accepted("c-1", "2026-11", T0);

        StepVerifier.create(consents.record(consent)).expectNext(consent).verifyComplete();

        StepVerifier.create(otherNode.of("c-1")).expectNext(consent).verifyComplete();
    }

    @Test
    void keepsWhetherTheVisitorAcceptedTheNoticeOrWasInformedOfItByTheirChannel() {
        Consent informed = new Consent("c-wa", "3", T0, Consent.How.INFORMED_VIA_CHANNEL);

        consents.record(informed).block(TIMEOUT);

        StepVerifier.create(otherNode.of("c-wa")).expectNext(informed).verifyComplete();
    }

    @Test
    void knowsNoConsentOfAConversationWhoseVisitorAcceptedNone() {
        StepVerifier.create(consents.of("c-silent")).verifyComplete();
    }

    @Test
    void aNewerConsentReplacesTheEarlierOne() {
        consents.record(Consent.accepted("c-1", "1", T0)).block(TIMEOUT);
        Consent newer = Consent.accepted("c-1", "2", T0.plusSeconds(5));

        otherNode.record(newer).block(TIMEOUT);

        StepVerifier.create(consents.of("c-1")).expectNext(newer).verifyComplete();
    }

    @Test
    void forgetsAConversationsConsentAndOnlyIts() {
        consents.record(Consent.accepted("c-erased", "1", T0)).block(TIMEOUT);
        Consent kept = Consent.accepted("c-kept", "1", T0);
        consents.record(kept).block(TIMEOUT);

        StepVerifier.create(otherNode.forget("c-erased")).expectNext(true).verifyComplete();

        StepVerifier.create(consents.of("c-erased")).verifyComplete();
        StepVerifier.create(consents.of("c-kept")).expectNext(kept).verifyComplete();
        StepVerifier.create(consents.forget("c-erased")).expectNext(false).verifyComplete();
    }
}
