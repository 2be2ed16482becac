package dev.baton.app.config;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AsyncConsoleLoggingTest {

    private final LoggerContext context = started(new LoggerContext());
    private final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> console = new ListAppender<>();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void theConfiguredAppenderGetsEveryLineThroughABoundedQueueThatNeverBlocks() {
        console.setContext(context);
        console.setName("CONSOLE");
        console.start();
        root.addAppender(console);

        AsyncConsoleLogging.wrap(root);
        context.getLogger("dev.baton.observation.ConversationLog").info("bot turn");

        assertThat(appendersOf(root)).singleElement().isInstanceOfSatisfying(BatchedLogLines.class,
                queued -> assertThat(queued.appenders()).containsExactly(console));
        await().untilAsserted(() -> assertThat(console.list).extracting(ILoggingEvent::getMessage).containsExactly("bot turn"));
    }

    @Test
    void wrappingAgainWhenAnotherContextStartsChangesNothing() {
        console.setContext(context);
        console.start();
        root.addAppender(console);
        AsyncConsoleLogging.wrap(root);
        List<Appender<ILoggingEvent>> once = appendersOf(root);

        AsyncConsoleLogging.wrap(root);

        assertThat(appendersOf(root)).containsExactlyElementsOf(once);
    }

    /** A context of its own, with the MDC adapter the JVM's has, so that the test leaves the JVM's logging alone. */
    private static LoggerContext started(LoggerContext context) {
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        return context;
    }

    private static List<Appender<ILoggingEvent>> appendersOf(Logger logger) {
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        logger.iteratorForAppenders().forEachRemaining(appenders::add);
        return appenders;
    }
}
