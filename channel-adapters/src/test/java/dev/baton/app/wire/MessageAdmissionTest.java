package dev.baton.app.wire;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class MessageAdmissionTest {

    private final MessageAdmission admission = new MessageAdmission(
            new SocketLimits(100, 32, 2, 3, Duration.ofMillis(750), 500));

    @Test
    void aConnectionGetsNoMoreThanItsShareAndGetsItBackAsMessagesAreHandled() {
        MessageAdmission.Connection connection = admission.forConnection();
        Optional<MessageAdmission.Permit> first = connection.tryAdmit();
        Optional<MessageAdmission.Permit> second = connection.tryAdmit();

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(connection.tryAdmit()).as("busy: two in flight already").isEmpty();

        first.get().release();
        assertThat(connection.tryAdmit()).as("one handled, one more admitted").isPresent();
    }

    @Test
    void theNodeLimitHoldsAcrossConnectionsAndRecoversByItself() {
        MessageAdmission.Connection one = admission.forConnection();
        MessageAdmission.Connection two = admission.forConnection();
        MessageAdmission.Permit a = one.tryAdmit().orElseThrow();
        one.tryAdmit().orElseThrow();
        two.tryAdmit().orElseThrow();

        assertThat(two.tryAdmit()).as("the node has three in flight").isEmpty();
        assertThat(admission.forConnection().tryAdmit()).as("even for a fresh connection").isEmpty();

        a.release();
        assertThat(two.tryAdmit()).isPresent();
    }

    @Test
    void releasingAPermitTwiceGivesBackOneMessage() {
        MessageAdmission.Connection connection = admission.forConnection();
        MessageAdmission.Permit permit = connection.tryAdmit().orElseThrow();
        connection.tryAdmit().orElseThrow();

        permit.release();
        permit.release();

        assertThat(connection.tryAdmit()).isPresent();
        assertThat(connection.tryAdmit()).as("still two in flight").isEmpty();
    }

    @Test
    void aRefusedConnectionTakesNothingFromTheNode() {
        MessageAdmission.Connection greedy = admission.forConnection();
        greedy.tryAdmit().orElseThrow();
        greedy.tryAdmit().orElseThrow();
        for (int i = 0; i < 10; i++) {
            assertThat(greedy.tryAdmit()).isEmpty();
        }

        assertThat(admission.forConnection().tryAdmit()).as("the node's third place is still free").isPresent();
        assertThat(admission.refused()).isBetween(Duration.ofMillis(750), Duration.ofMillis(1125));
    }

    @Test
    void whileTheNodeRefusesMoreThanItTakesRefusedClientsAreAskedToWaitLongerAndSpreadOut() {
        AtomicLong nanos = new AtomicLong();
        MessageAdmission busyNode = new MessageAdmission(new SocketLimits(100, 32, 1000, 1000, Duration.ofSeconds(1), 500), nanos::get);
        MessageAdmission.Connection connection = busyNode.forConnection();
        for (int i = 0; i < 10; i++) {
            connection.tryAdmit().orElseThrow().release();
        }
        for (int i = 0; i < 40; i++) {
            busyNode.refused();
        }
        nanos.addAndGet(Duration.ofMillis(1_100).toNanos());

        Duration wait = busyNode.refused();

        assertThat(wait).as("four refused per admitted: five times as long, times 1 to 1.5")
                .isBetween(Duration.ofSeconds(5), Duration.ofMillis(7_500));
    }

    @Test
    void theWaitNeverGrowsPastItsCapAndFallsBackOnceTheRefusalsStop() {
        AtomicLong nanos = new AtomicLong();
        MessageAdmission busyNode = new MessageAdmission(new SocketLimits(100, 32, 1000, 1000, Duration.ofSeconds(1), 500), nanos::get);
        for (int i = 0; i < 500; i++) {
            busyNode.refused();
        }
        nanos.addAndGet(Duration.ofMillis(1_100).toNanos());
        assertThat(busyNode.refused()).isBetween(Duration.ofSeconds(MessageAdmission.MAX_RETRY_FACTOR),
                Duration.ofSeconds(MessageAdmission.MAX_RETRY_FACTOR * 3 / 2));

        nanos.addAndGet(Duration.ofSeconds(3).toNanos());
        busyNode.forConnection().tryAdmit().orElseThrow().release();

        assertThat(busyNode.refused()).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1_500));
    }

    @Test
    void underLastingPressureTheNodeTakesOnlyHalfItsBoundAndAllOfItAgainOnceThePressureEnds() {
        AtomicLong nanos = new AtomicLong();
        MessageAdmission node = new MessageAdmission(new SocketLimits(100, 32, 1000, 4, Duration.ofSeconds(1), 500), nanos::get);
        MessageAdmission.Connection connection = node.forConnection();
        List<MessageAdmission.Permit> handling = fill(connection, 4);
        assertThat(connection.tryAdmit()).as("the node is full").isEmpty();
        nanos.addAndGet(Duration.ofMillis(1_100).toNanos());
        handling.get(0).release();

        assertThat(connection.tryAdmit()).as("one refused per four admitted: lasting overload, two of four at most").isEmpty();

        nanos.addAndGet(Duration.ofMillis(2_100).toNanos());
        assertThat(connection.tryAdmit()).as("a quiet second ends the pressure").isPresent();
    }

    @Test
    void aBurstRefusedNowAndThenKeepsTheWholeBound() {
        AtomicLong nanos = new AtomicLong();
        MessageAdmission node = new MessageAdmission(new SocketLimits(100, 32, 1000, 4, Duration.ofSeconds(1), 500), nanos::get);
        MessageAdmission.Connection connection = node.forConnection();
        for (int i = 0; i < 100; i++) {
            connection.tryAdmit().orElseThrow().release();
        }
        List<MessageAdmission.Permit> handling = fill(connection, 4);
        assertThat(connection.tryAdmit()).as("the node is full").isEmpty();
        nanos.addAndGet(Duration.ofMillis(1_100).toNanos());
        handling.forEach(MessageAdmission.Permit::release);

        assertThat(fill(connection, 4)).as("one refused per hundred admitted is a burst, not overload").hasSize(4);
    }

    @Test
    void aConnectionFloodingPastItsShareDoesNotShrinkTheNodesRoom() {
        AtomicLong nanos = new AtomicLong();
        MessageAdmission node = new MessageAdmission(new SocketLimits(100, 32, 2, 4, Duration.ofSeconds(1), 500), nanos::get);
        MessageAdmission.Connection flooder = node.forConnection();
        fill(flooder, 2);
        for (int i = 0; i < 50; i++) {
            assertThat(flooder.tryAdmit()).isEmpty();
            node.refused();
        }
        nanos.addAndGet(Duration.ofMillis(1_100).toNanos());
        MessageAdmission.Connection other = node.forConnection();

        assertThat(fill(other, 1)).hasSize(1);
        assertThat(fill(node.forConnection(), 1)).as("the node's fourth place, though its pressure is high").hasSize(1);
    }

    private static List<MessageAdmission.Permit> fill(MessageAdmission.Connection connection, int messages) {
        List<MessageAdmission.Permit> permits = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            permits.add(connection.tryAdmit().orElseThrow());
        }
        return permits;
    }
}
