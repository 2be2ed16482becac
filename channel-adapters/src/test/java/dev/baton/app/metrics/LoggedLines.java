package dev.baton.app.metrics;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The lines one logger writes while a test runs, whatever the JVM's logging was configured with by whichever
 * application started first (Spring Boot configures logging once per JVM while contexts stay cached).
 */
final class LoggedLines implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LoggedLines(Logger logger) {
        this.logger = logger;
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    static LoggedLines of(Class<?> loggerOf) {
        return new LoggedLines((Logger) LoggerFactory.getLogger(loggerOf));
    }

    /** The lines so far with this conversation id among their key-value pairs. */
    List<ILoggingEvent> about(String conversationId) {
        synchronized (appender.list) {
            return appender.list.stream()
                    .filter(line -> line.getKeyValuePairs() != null && line.getKeyValuePairs().stream()
                            .anyMatch(pair -> pair.key.equals("conversationId") && conversationId.equals(pair.value)))
                    .toList();
        }
    }

    /** The line as Spring Boot's structured logging writes it in the Elastic Common Schema format. */
    static String asEcsJson(ILoggingEvent line) {
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        encoder.setFormat("ecs");
        encoder.start();
        try {
            return new String(encoder.encode(line), StandardCharsets.UTF_8);
        } finally {
            encoder.stop();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
