package dev.baton.app.metrics;

import dev.baton.app.wire.OpenSockets;
import dev.baton.engine.LiveQueue;
import dev.baton.inbox.InboxRecorder;
import dev.baton.observation.ConversationLog;
import dev.baton.app.webhooks.EventWebhooks;
import dev.baton.observation.ConversationObserver;
import dev.baton.analytics.ConversationOutcomes;
import dev.baton.analytics.OutcomeRecorder;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Baton's own meters, exported at {@code /actuator/prometheus}, and the log of conversations: both observe what the
 * engine and the desk report.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    ConversationMetrics conversationMetrics(MeterRegistry registry) {
        return new ConversationMetrics(registry);
    }

    /**
     * What the core reports to: the log, the metrics and the events out (themselves observers, hence primary), and
     * the analytics' outcomes, which measure as the metrics do.
     */
    @Bean
    @Primary
    ConversationObserver conversationObserver(ConversationMetrics metrics, EventWebhooks eventsOut, ConversationOutcomes outcomes,
                                              Clock clock) {
        return ConversationObserver.all(new ConversationLog(), metrics, eventsOut, new OutcomeRecorder(outcomes, clock));
    }

    /** The queue's length as this node last read it for its consoles: no read of its own at scrape time. */
    @Bean
    MeterBinder queueLength(LiveQueue queue) {
        AtomicInteger length = new AtomicInteger();
        queue.observe().subscribe(snapshot -> length.set(snapshot.waiting().size()));
        return registry -> Gauge.builder("baton.queue.length", length, AtomicInteger::get)
                .description("conversations waiting for an agent, as this node last read the queue").register(registry);
    }

    /** What became of the messages meant for the trainers' inbox: none of them ever holds up a visitor's turn. */
    @Bean
    MeterBinder inboxEntries(InboxRecorder recorder) {
        return registry -> {
            inboxEntries(registry, recorder, "recorded", InboxRecorder::recorded);
            inboxEntries(registry, recorder, "dropped", InboxRecorder::dropped);
            inboxEntries(registry, recorder, "failed", InboxRecorder::failed);
        };
    }

    private static void inboxEntries(MeterRegistry registry, InboxRecorder recorder, String outcome, ToDoubleFunction<InboxRecorder> count) {
        FunctionCounter.builder("baton.inbox.entries", recorder, count).tag("outcome", outcome)
                .description("messages meant for the trainers' inbox: stored, dropped (its buffer was full) or failed (the store refused)")
                .register(registry);
    }

    @Bean
    MeterBinder openSocketsByKind(OpenSockets sockets) {
        return registry -> {
            for (OpenSockets.Kind kind : OpenSockets.Kind.values()) {
                Gauge.builder("baton.sockets.open", sockets, open -> open.count(kind))
                        .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                        .description("WebSockets open on this node, by whose they are").register(registry);
            }
        };
    }
}
