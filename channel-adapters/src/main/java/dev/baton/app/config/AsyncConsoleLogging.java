package dev.baton.app.config;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands the log lines Spring Boot configured (console, plain or structured, and the file if one is set) to a
 * thread of their own ({@link BatchedLogLines}): a thread that logs only enqueues. Why: one structured line per bot
 * turn, written on the event loops by Boot's synchronous console appender, tripled the median latency at
 * 5,000 msg/s in memory — p50 3,060 ms and p99 12.8 s with the line, 47 ms and 1.5 s without it, same build, back
 * to back (docs/benchmarks.md) — since every event loop waited on the appender's lock and its writes. The queue
 * never blocks: when it is nearly full the least important lines (INFO and below) are dropped, not the answer to a
 * visitor.
 */
public final class AsyncConsoleLogging implements ApplicationListener<ApplicationPreparedEvent> {

    static final int QUEUE_SIZE = 8192;

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            wrap(context.getLogger(Logger.ROOT_LOGGER_NAME));
        }
    }

    /** Moves {@code logger}'s own appenders behind one queue; leaves those already behind it where they are. */
    static void wrap(Logger logger) {
        List<Appender<ILoggingEvent>> direct = new ArrayList<>();
        logger.iteratorForAppenders().forEachRemaining(direct::add);
        direct.removeIf(BatchedLogLines.class::isInstance);
        if (direct.isEmpty()) {
            return;
        }
        BatchedLogLines queued = new BatchedLogLines(direct, QUEUE_SIZE);
        queued.setContext(logger.getLoggerContext());
        queued.setName("BATCHED_LOG_LINES");
        queued.start();
        logger.addAppender(queued);
        direct.forEach(logger::detachAppender);
    }
}
