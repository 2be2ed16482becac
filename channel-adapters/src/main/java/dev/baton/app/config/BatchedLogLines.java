package dev.baton.app.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Takes log lines from the threads that log into a bounded queue and writes them, with the appenders Spring Boot
 * configured, from a thread of its own that wakes every {@link #WAKE_EVERY_MILLIS} ms and writes what came in one
 * batch, the console with one write for the whole batch.
 *
 * <p>Why not logback's {@code AsyncAppender}: its writer blocks on the queue until a line comes, so each line a
 * bot turn logs woke it (a futex wake on the logging event loop, a park and a wake-up on the writer), and the
 * console flushed each line with a write of its own. Warm, in memory, at 2,500 msg/s, a node needed 359 and 334 µs
 * a message that way, 285 and 297 µs with the per-turn line turned off, and 312 and 314 µs written this way
 * (docs/benchmarks.md, "Issue 10's must not regress, warm and cold"). A line reaches the console at most
 * {@value #WAKE_EVERY_MILLIS} ms late, which no reader of a log notices.
 *
 * <p>The queue takes no lock, so a thread that logs never waits, and never for room: from four fifths of
 * {@code capacity}, lines at INFO and below are dropped; at {@code capacity}, every line is. What was dropped is
 * counted and said in a WARN line with the next batch.
 */
final class BatchedLogLines extends UnsynchronizedAppenderBase<ILoggingEvent> {

    static final long WAKE_EVERY_MILLIS = 20;
    private static final int CONSOLE_BUFFER_BYTES = 64 * 1024;
    private static final long STOP_WAIT_MILLIS = 1_000;

    private final List<Appender<ILoggingEvent>> appenders;
    private final Queue<ILoggingEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int capacity;
    private final int discardFrom;
    private final List<OutputStream> consoles = new ArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile Thread writer;

    BatchedLogLines(List<Appender<ILoggingEvent>> appenders, int capacity) {
        this.appenders = List.copyOf(appenders);
        this.capacity = capacity;
        this.discardFrom = capacity - capacity / 5;
    }

    List<Appender<ILoggingEvent>> appenders() {
        return appenders;
    }

    @Override
    public void start() {
        for (Appender<ILoggingEvent> appender : appenders) {
            if (appender instanceof ConsoleAppender<ILoggingEvent> console && console.isStarted()) {
                batchWrites(console);
            }
        }
        Thread thread = new Thread(this::writeUntilStopped, "baton-log-writer");
        thread.setDaemon(true);
        writer = thread;
        super.start();
        thread.start();
    }

    /** A console that flushed each line now writes a batch at once: the writer flushes after each batch. */
    private void batchWrites(ConsoleAppender<ILoggingEvent> console) {
        OutputStream batched = new BufferedOutputStream(console.getOutputStream(), CONSOLE_BUFFER_BYTES);
        console.setImmediateFlush(false);
        console.setOutputStream(batched);
        consoles.add(batched);
    }

    @Override
    protected void append(ILoggingEvent event) {
        int waiting = queued.incrementAndGet();
        if (waiting > capacity || waiting > discardFrom && !event.getLevel().isGreaterOrEqual(Level.WARN)) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        event.prepareForDeferredProcessing();
        queue.offer(event);
    }

    @Override
    public void stop() {
        Thread thread = writer;
        super.stop();
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        appenders.forEach(Appender::stop);
    }

    private void writeUntilStopped() {
        while (isStarted() || !queue.isEmpty()) {
            int written = 0;
            for (ILoggingEvent event = queue.poll(); event != null; event = queue.poll()) {
                queued.decrementAndGet();
                writeEverywhere(event);
                written++;
            }
            written += sayWhatWasDropped();
            if (written == 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(WAKE_EVERY_MILLIS));
            } else {
                flushConsoles();
            }
        }
    }

    private void writeEverywhere(ILoggingEvent event) {
        for (Appender<ILoggingEvent> appender : appenders) {
            appender.doAppend(event);
        }
    }

    private int sayWhatWasDropped() {
        long lost = dropped.getAndSet(0);
        if (lost == 0) {
            return 0;
        }
        writeEverywhere(droppedLine(lost));
        return 1;
    }

    private ILoggingEvent droppedLine(long lost) {
        LoggingEvent line = new LoggingEvent();
        line.setLoggerName(BatchedLogLines.class.getName());
        line.setLevel(Level.WARN);
        line.setThreadName(Thread.currentThread().getName());
        line.setMessage(lost + " log lines were dropped: the log writer could not keep up");
        line.setTimeStamp(System.currentTimeMillis());
        line.setLoggerContext((LoggerContext) getContext());
        return line;
    }

    private void flushConsoles() {
        for (OutputStream console : consoles) {
            try {
                console.flush();
            } catch (IOException e) {
                addError("could not write log lines to the console", e);
            }
        }
    }
}
