package dev.baton.store;

import dev.baton.intents.Intent;
import dev.baton.training.Draft;
import dev.baton.training.DraftFile;
import dev.baton.training.Drafts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.baton.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link Drafts} does, specified once. */
public abstract class DraftsContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    protected Drafts drafts;
    protected Drafts otherNode;

    protected abstract Drafts newDrafts();

    /** Another node's view of {@link #drafts}; the same object on a single node. */
    protected abstract Drafts sameDraftsOnAnotherNode();

    @BeforeEach
    void createDrafts() {
        drafts = newDrafts();
        otherNode = sameDraftsOnAnotherNode();
    }

    @Test
    void thereIsNoDraftAtFirst() {
        StepVerifier.create(otherNode.current()).verifyComplete();
    }

    @Test
    void anotherNodeReadsTheDraftExactlyAsSaved() {
        Draft draft = draft("d1", 1, "alice", "how do I return a cracked teapot? ☕ \"quoted\"");

        StepVerifier.create(drafts.save(draft)).expectNext(true).verifyComplete();

        assertThat(otherNode.current().block(TIMEOUT)).isEqualTo(draft);
    }

    @Test
    void aChangeIsSavedOnlyOnTopOfTheRevisionItWasMadeFrom() {
        drafts.save(draft("d1", 1, "alice", "first")).block(TIMEOUT);
        Draft alices = draft("d1", 2, "alice", "alice's");
        Draft brunos = draft("d1", 2, "bruno", "bruno's");

        StepVerifier.create(drafts.save(alices)).expectNext(true).verifyComplete();
        StepVerifier.create(otherNode.save(brunos)).expectNext(false).verifyComplete();
        StepVerifier.create(otherNode.save(draft("d1", 4, "bruno", "skipping one"))).expectNext(false).verifyComplete();
        StepVerifier.create(otherNode.save(draft("d2", 3, "bruno", "another draft"))).expectNext(false).verifyComplete();
        StepVerifier.create(otherNode.save(draft("d2", 1, "bruno", "a new draft over the old"))).expectNext(false).verifyComplete();

        assertThat(drafts.current().block(TIMEOUT)).isEqualTo(alices);
    }

    @Test
    void aDraftIsRemovedOnlyAtTheRevisionSeen() {
        drafts.save(draft("d1", 1, "alice", "first")).block(TIMEOUT);
        drafts.save(draft("d1", 2, "alice", "second")).block(TIMEOUT);

        StepVerifier.create(otherNode.remove("d1", 1)).expectNext(false).verifyComplete();
        StepVerifier.create(otherNode.remove("d0", 2)).expectNext(false).verifyComplete();
        StepVerifier.create(otherNode.remove("d1", 2)).expectNext(true).verifyComplete();

        StepVerifier.create(drafts.current()).verifyComplete();
        StepVerifier.create(drafts.save(draft("d2", 1, "bruno", "after it"))).expectNext(true).verifyComplete();
    }

    private static Draft draft(String id, long revision, String who, String example) {
        Intent returns = new Intent("returns", Map.of("en", "Returns"), Map.of("en", List.of(example, "return policy")),
                Map.of("en", List.of("Within 30 days.")), List.of("refunds"), false);
        Intent refunds = new Intent("refunds", Map.of(), Map.of("it", List.of("rimborso")), Map.of("it", List.of("Entro 5 giorni.")),
                List.of(), true);
        return new Draft(id, List.of(
                new DraftFile("returns.yaml", List.of("Returns and refunds."), List.of(returns, refunds), Optional.empty()),
                new DraftFile("shop/faq.yaml", List.of(), List.of(refunds), Optional.of("intents:\n  - id: refunds\n"))),
                "e01c0ffee123", revision, Optional.of(who), T0.plusSeconds(revision));
    }
}
