package dev.baton.app.config;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BatchedLogLinesTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger log = context.getLogger("dev.baton.observation.ConversationLog");

    BatchedLogLinesTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        log.setAdditive(false);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void consoleLinesArriveWholeAndInOrderInFewerWritesThanLines() {
        PrintStream stdout = System.out;
        CountingStream written = new CountingStream();
        System.setOut(new PrintStream(written, true, StandardCharsets.UTF_8));
        try {
            BatchedLogLines lines = started(new BatchedLogLines(List.of(console()), 1_000));
            log.addAppender(lines);

            for (int turn = 1; turn <= 200; turn++) {
                log.info("bot turn {}", turn);
            }

            await().untilAsserted(() -> assertThat(written.text().lines()).hasSize(200));
            assertThat(written.text().lines()).first().isEqualTo("INFO bot turn 1");
            assertThat(written.text().lines()).last().isEqualTo("INFO bot turn 200");
            assertThat(written.writes.get()).isLessThan(200);
        } finally {
            System.setOut(stdout);
        }
    }

    @Test
    void aNearlyFullQueueDropsInfoLinesKeepsWarningsAndSaysHowManyWereDropped() throws InterruptedException {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ListAppender<ILoggingEvent> slow = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent event) {
                writing.countDown();
                await().until(() -> release.await(10, TimeUnit.MILLISECONDS));
                super.append(event);
            }
        };
        slow.setContext(context);
        slow.start();
        log.addAppender(started(new BatchedLogLines(List.of(slow), 10)));

        log.info("first");
        writing.await();
        for (int turn = 1; turn <= 12; turn++) {
            log.info("turn {}", turn);
        }
        log.warn("a warning");
        release.countDown();

        await().untilAsserted(() -> assertThat(slow.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "first", "turn 1", "turn 2", "turn 3", "turn 4", "turn 5", "turn 6", "turn 7", "turn 8", "a warning",
                "4 log lines were dropped: the log writer could not keep up"));
    }

    @Test
    void stoppingWritesWhatIsStillQueued() {
        ListAppender<ILoggingEvent> list = new ListAppender<>();
        list.setContext(context);
        list.start();
        BatchedLogLines lines = started(new BatchedLogLines(List.of(list), 1_000));
        log.addAppender(lines);
        for (int turn = 1; turn <= 50; turn++) {
            log.info("turn {}", turn);
        }

        lines.stop();

        assertThat(list.list).hasSize(50);
        assertThat(list.isStarted()).isFalse();
    }

    private ConsoleAppender<ILoggingEvent> console() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %msg%n");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setEncoder(encoder);
        console.start();
        return console;
    }

    private BatchedLogLines started(BatchedLogLines lines) {
        lines.setContext(context);
        lines.start();
        return lines;
    }

    /** Standard output as the test sees it: what was written, and in how many writes. */
    private static final class CountingStream extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public synchronized void write(int b) {
            writes.incrementAndGet();
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes.incrementAndGet();
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
