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
    }

    @Test
    void refusedClientsAreAskedToWaitTheSetTimeSpreadUpToHalfAsLongAgainHoweverManyWereRefused() {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            waits.add(admission.retryWait());
        }

        assertThat(waits).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMillis(750), Duration.ofMillis(1125)));
        assertThat(waits.stream().distinct().count()).as("spread, not all back at once").isGreaterThan(100);
    }

    @Test
    void aNodeThatHandlesMoreThanItsBoundInAWorkOffTakesThatManyAtOnce() {
        AtomicLong nanos = new AtomicLong();
        MessageAdmission node = boundOfFour(nanos);
        MessageAdmission.Connection connection = node.forConnection();
        handle(connection, 100);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(node.limit()).as("100 handled in a second: 10 in a tenth, over the bound of 4").isEqualTo(10);
        assertThat(fill(connection, 10)).hasSize(10);
        assertThat(connection.tryAdmit()).as("the eleventh").isEmpty();
    }

    @Test
    void howeverFastTheNodeWorksItTakesAtMostFourBoundsAndAfterAnIdleSecondItsBound() {
        AtomicLong nanos = new AtomicLong();
        MessageAdmission node = boundOfFour(nanos);
        MessageAdmission.Connection connection = node.forConnection();
        handle(connection, 10_000);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(node.limit()).isEqualTo(4 * MessageAdmission.BURST_FACTOR);

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(node.limit()).as("a second with nothing handled: back to the bound").isEqualTo(4);
        assertThat(fill(connection, 4)).hasSize(4);
        assertThat(connection.tryAdmit()).isEmpty();
    }

    @Test
    void aPaceMeasuredOverALongerGapCountsPerSecond() {
        AtomicLong nanos = new AtomicLong();
        MessageAdmission node = boundOfFour(nanos);
        MessageAdmission.Connection connection = node.forConnection();
        handle(connection, 200);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());

        assertThat(node.limit()).as("200 in two seconds: 100 a second, 10 in a tenth").isEqualTo(10);
    }

    private static MessageAdmission boundOfFour(AtomicLong nanos) {
        return new MessageAdmission(new SocketLimits(100, 32, 1000, 4, Duration.ofSeconds(1), 500), nanos::get);
    }

    /** Admits and handles {@code messages}, one after another. */
    private static void handle(MessageAdmission.Connection connection, int messages) {
        for (int i = 0; i < messages; i++) {
            connection.tryAdmit().orElseThrow().release();
        }
    }

    private static List<MessageAdmission.Permit> fill(MessageAdmission.Connection connection, int messages) {
        List<MessageAdmission.Permit> permits = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            permits.add(connection.tryAdmit().orElseThrow());
        }
        return permits;
    }
}
