package dev.baton.app.warmup;

import dev.baton.conversation.ConversationStore;
import dev.baton.engine.Stores;
import dev.baton.inbox.TrainerInbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node rehearses visitor messages before it reports ready, and nothing of the rehearsal is seen afterwards: no
 * conversation, message, queue entry, inbox wording or counted decision.
 */
@SpringBootTest(properties = "baton.warm-up.turns=250")
@Import(MessagePathWarmUpTest.ReadinessWitness.class)
class MessagePathWarmUpTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What the warm-up gauge said when the node declared itself ready (or not). */
    @TestConfiguration
    static class ReadinessWitness {

        final List<String> readiness = new CopyOnWriteArrayList<>();
        private final MeterRegistry meters;

        ReadinessWitness(MeterRegistry meters) {
            this.meters = meters;
        }

        @EventListener
        void on(AvailabilityChangeEvent<ReadinessState> change) {
            readiness.add(change.getState() + " after " + (int) meters.get("baton.warm-up.messages").gauge().value() + " rehearsed");
        }
    }

    @Autowired
    ReadinessWitness witness;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Stores stores;
    @Autowired
    ConversationStore conversations;
    @Autowired
    TrainerInbox inbox;

    @Test
    void theNodeReportsReadyOnlyOnceItsWarmUpIsDone() {
        assertThat(witness.readiness).containsExactly("ACCEPTING_TRAFFIC after 250 rehearsed");
        assertThat(meters.get("baton.warm-up.duration").timeGauge().value()).isPositive();
    }

    @Test
    void nothingOfTheWarmUpIsStoredQueuedOrCounted() {
        assertThat(conversations.ofVisitor("warm-up-0").collectList().block(TIMEOUT)).isEmpty();
        assertThat(conversations.withMessageMatching(text -> true).collectList().block(TIMEOUT)).isEmpty();
        assertThat(stores.queue().waiting().collectList().block(TIMEOUT)).isEmpty();
        assertThat(inbox.wordings().collectList().block(TIMEOUT)).isEmpty();
        assertThat(meters.find("baton.bot.decisions").counters()).allSatisfy(c -> assertThat(c.count()).isZero());
        assertThat(meters.find("baton.messages.received").counters().stream().mapToDouble(Counter::count).sum()).isZero();
    }
}
