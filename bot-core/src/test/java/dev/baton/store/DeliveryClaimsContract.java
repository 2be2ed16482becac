package dev.baton.store;

import dev.baton.channel.DeliveryClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link DeliveryClaims} does, specified once. */
public abstract class DeliveryClaimsContract {

    protected DeliveryClaims claims;
    protected DeliveryClaims otherNode;

    protected abstract DeliveryClaims newClaims();

    /** Another node's view of {@link #claims}; the same object on a single node. */
    protected abstract DeliveryClaims sameClaimsOnAnotherNode();

    @BeforeEach
    void createClaims() {
        claims = newClaims();
        otherNode = sameClaimsOnAnotherNode();
    }

    @Test
    void theFirstClaimOfAKeyWinsAndEveryLaterOneOnAnyNodeLoses() {
        assertThat(claims.claim("in:telegram:1").block()).isTrue();

        assertThat(claims.claim("in:telegram:1").block()).isFalse();
        assertThat(otherNode.claim("in:telegram:1").block()).isFalse();
    }

    @Test
    void keysAreClaimedEachOnTheirOwn() {
        assertThat(claims.claim("out:c-1:1").block()).isTrue();

        assertThat(otherNode.claim("out:c-1:2").block()).isTrue();
        assertThat(otherNode.claim("out:c-2:1").block()).isTrue();
    }

    @Test
    void aReleasedKeyIsWonByTheNextClaim() {
        claims.claim("in:whatsapp:wamid.1").block();

        claims.release("in:whatsapp:wamid.1").block();

        assertThat(otherNode.claim("in:whatsapp:wamid.1").block()).isTrue();
        assertThat(claims.claim("in:whatsapp:wamid.1").block()).isFalse();
    }

    @Test
    void releasingAKeyNobodyClaimedChangesNothing() {
        claims.release("never-claimed").block();

        assertThat(claims.claim("never-claimed").block()).isTrue();
    }

    @Test
    void ofManyConcurrentClaimsOfOneKeyExactlyOneWins() {
        List<Boolean> won = Flux.range(0, 40)
                .flatMap(i -> (i % 2 == 0 ? claims : otherNode).claim("out:c-9:7"))
                .collectList().block();

        assertThat(won).containsOnlyOnce(true);
    }
}
