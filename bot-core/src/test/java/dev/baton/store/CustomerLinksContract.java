package dev.baton.store;

import dev.baton.customers.CustomerLinks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static dev.baton.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link CustomerLinks} does, specified once. */
public abstract class CustomerLinksContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** How long the stores under test keep a customer's links after the latest. */
    protected static final Duration RETENTION = Duration.ofDays(30);

    protected final SettableClock clock = new SettableClock(T0);
    protected CustomerLinks links;
    protected CustomerLinks otherNode;

    protected abstract CustomerLinks newLinks();

    /** Another node's view of {@link #links}; the same object on a single node. */
    protected abstract CustomerLinks sameLinksOnAnotherNode();

    @BeforeEach
    void createLinks() {
        links = newLinks();
        otherNode = sameLinksOnAnotherNode();
    }

    private List<String> membersOf(CustomerLinks store, String customerId) {
        return store.membersOf(customerId).sort().collectList().block(TIMEOUT);
    }

    @Test
    void twoMembersLinkedByNobodyBeforeBecomeTheNewCustomerForEveryNodeToRead() {
        StepVerifier.create(links.link("whatsapp:393331234567", "phone/331234567", "cu-1")).expectNext("cu-1").verifyComplete();

        StepVerifier.create(otherNode.customerOf("whatsapp:393331234567")).expectNext("cu-1").verifyComplete();
        StepVerifier.create(otherNode.customerOf("phone/331234567")).expectNext("cu-1").verifyComplete();
        assertThat(membersOf(otherNode, "cu-1")).containsExactly("phone/331234567", "whatsapp:393331234567");
    }

    @Test
    void aMemberLinkedToSomeoneWithACustomerJoinsThatCustomer() {
        links.link("whatsapp:393331234567", "phone/331234567", "cu-1").block(TIMEOUT);

        StepVerifier.create(otherNode.link("visitor-abc123", "phone/331234567", "cu-unused")).expectNext("cu-1").verifyComplete();
        StepVerifier.create(links.link("app:anna", "visitor-abc123", "cu-unused")).expectNext("cu-1").verifyComplete();

        assertThat(membersOf(links, "cu-1")).containsExactly("app:anna", "phone/331234567", "visitor-abc123", "whatsapp:393331234567");
        StepVerifier.create(links.membersOf("cu-unused")).verifyComplete();
    }

    @Test
    void aCustomerJoinsTheMemberWhenOnlyTheMemberHasOne() {
        links.link("whatsapp:393331234567", "phone/331234567", "cu-1").block(TIMEOUT);

        StepVerifier.create(links.link("whatsapp:393331234567", "email/anna@example.com", "cu-unused")).expectNext("cu-1").verifyComplete();

        StepVerifier.create(otherNode.customerOf("email/anna@example.com")).expectNext("cu-1").verifyComplete();
    }

    @Test
    void linkingMembersOfTwoCustomersMergesTheMembersCustomerIntoTheOthers() {
        links.link("whatsapp:393331234567", "phone/331234567", "cu-phone").block(TIMEOUT);
        links.link("app:anna", "email/anna@example.com", "cu-email").block(TIMEOUT);

        StepVerifier.create(otherNode.link("app:anna", "whatsapp:393331234567", "cu-unused")).expectNext("cu-phone").verifyComplete();

        assertThat(membersOf(links, "cu-phone"))
                .containsExactly("app:anna", "email/anna@example.com", "phone/331234567", "whatsapp:393331234567");
        StepVerifier.create(links.membersOf("cu-email")).verifyComplete();
        StepVerifier.create(links.customerOf("email/anna@example.com")).expectNext("cu-phone").verifyComplete();
    }

    @Test
    void linkingTwoMembersAlreadyTogetherChangesNothing() {
        links.link("whatsapp:393331234567", "phone/331234567", "cu-1").block(TIMEOUT);

        StepVerifier.create(links.link("whatsapp:393331234567", "phone/331234567", "cu-unused")).expectNext("cu-1").verifyComplete();

        assertThat(membersOf(links, "cu-1")).containsExactly("phone/331234567", "whatsapp:393331234567");
    }

    @Test
    void knowsNoCustomerOfAMemberLinkedToNobody() {
        StepVerifier.create(links.customerOf("visitor-alone")).verifyComplete();
        StepVerifier.create(links.membersOf("cu-none")).verifyComplete();
    }

    @Test
    void anUnlinkedMemberLeavesItsCustomerAndTheOthersStay() {
        links.link("whatsapp:393331234567", "phone/331234567", "cu-1").block(TIMEOUT);
        links.link("visitor-abc123", "phone/331234567", "cu-unused").block(TIMEOUT);

        StepVerifier.create(otherNode.unlink("visitor-abc123")).expectNext(true).verifyComplete();

        StepVerifier.create(links.customerOf("visitor-abc123")).verifyComplete();
        assertThat(membersOf(links, "cu-1")).containsExactly("phone/331234567", "whatsapp:393331234567");
        StepVerifier.create(links.unlink("visitor-abc123")).expectNext(false).verifyComplete();
    }

    @Test
    void aCustomerLeftWithOneMemberIsDissolved() {
        links.link("whatsapp:393331234567", "visitor-abc123", "cu-1").block(TIMEOUT);

        links.unlink("visitor-abc123").block(TIMEOUT);

        StepVerifier.create(otherNode.customerOf("whatsapp:393331234567")).verifyComplete();
        StepVerifier.create(otherNode.membersOf("cu-1")).verifyComplete();
    }

    @Test
    void forgettingACustomerForgetsEveryLinkToItAndNoOtherCustomers() {
        links.link("whatsapp:393331234567", "phone/331234567", "cu-erased").block(TIMEOUT);
        links.link("visitor-abc123", "phone/331234567", "cu-unused").block(TIMEOUT);
        links.link("app:bob", "email/bob@example.com", "cu-kept").block(TIMEOUT);

        StepVerifier.create(otherNode.forget("cu-erased")).expectNext(3).verifyComplete();

        StepVerifier.create(links.membersOf("cu-erased")).verifyComplete();
        StepVerifier.create(links.customerOf("whatsapp:393331234567")).verifyComplete();
        StepVerifier.create(links.customerOf("phone/331234567")).verifyComplete();
        StepVerifier.create(links.customerOf("visitor-abc123")).verifyComplete();
        StepVerifier.create(links.customerOf("app:bob")).expectNext("cu-kept").verifyComplete();
        StepVerifier.create(links.forget("cu-erased")).expectNext(0).verifyComplete();
    }
}
