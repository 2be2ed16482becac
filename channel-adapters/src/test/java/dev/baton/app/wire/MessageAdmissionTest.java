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
            new SocketLimits(100, 32, 2, 3, Duration.ofMillis(20), Duration.ofMillis(750), 500));

    private final AtomicLong nanos = new AtomicLong();
    private final MessageAdmission timed = new MessageAdmission(
            new SocketLimits(100, 32, 1, 256, Duration.ofMillis(20), Duration.ofSeconds(1), 500), nanos::get);

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
        assertThat(admission.retryAfter()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void whileMessagesTakeLongerThanTheTargetTheNodeAdmitsFewerAtOnceButNeverFewerThanItsFloor() {
        assertThat(timed.nodeLimit()).isEqualTo(256);

        for (int window = 0; window < 10; window++) {
            handleAWindow(Duration.ofMillis(80));
        }
        assertThat(timed.nodeLimit()).as("slow windows cut the bound").isLessThan(256 * 9 / 10);

        for (int window = 0; window < 100; window++) {
            handleAWindow(Duration.ofMillis(80));
        }
        assertThat(timed.nodeLimit()).isEqualTo(MessageAdmission.MIN_NODE_LIMIT);
        List<Optional<MessageAdmission.Permit>> admitted = new ArrayList<>();
        for (int i = 0; i < MessageAdmission.MIN_NODE_LIMIT + 5; i++) {
            admitted.add(timed.forConnection().tryAdmit());
        }
        assertThat(admitted).filteredOn(Optional::isPresent).hasSize(MessageAdmission.MIN_NODE_LIMIT);
    }

    @Test
    void onceMessagesAreFastAgainTheBoundGrowsBackByItself() {
        for (int window = 0; window < 100; window++) {
            handleAWindow(Duration.ofMillis(80));
        }
        int slowed = timed.nodeLimit();

        for (int window = 0; window < 100; window++) {
            handleAWindow(Duration.ofMillis(2));
        }

        assertThat(timed.nodeLimit()).isGreaterThan(slowed + 50);
    }

    @Test
    void messagesDroppedWithTheirSocketSayNothingAboutTheNodesSpeed() {
        for (int window = 0; window < 10; window++) {
            List<MessageAdmission.Permit> permits = admitAll();
            nanos.addAndGet(Duration.ofSeconds(5).toNanos());
            permits.forEach(MessageAdmission.Permit::discard);
        }

        assertThat(timed.nodeLimit()).isEqualTo(256);
        assertThat(timed.inFlight()).isZero();
    }

    /** Admits as many messages as the bound allows, each from its own socket, and handles them all in {@code took}. */
    private void handleAWindow(Duration took) {
        List<MessageAdmission.Permit> permits = admitAll();
        nanos.addAndGet(took.toNanos());
        permits.forEach(MessageAdmission.Permit::release);
        // The window closes with the next message after its time.
        nanos.addAndGet(Duration.ofMillis(100).toNanos());
    }

    private List<MessageAdmission.Permit> admitAll() {
        List<MessageAdmission.Permit> permits = new ArrayList<>();
        for (Optional<MessageAdmission.Permit> next = timed.forConnection().tryAdmit(); next.isPresent();
             next = timed.forConnection().tryAdmit()) {
            permits.add(next.get());
        }
        return permits;
    }
}
