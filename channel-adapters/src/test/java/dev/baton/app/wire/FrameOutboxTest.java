package dev.baton.app.wire;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class FrameOutboxTest {

    private static final int MAX_UNSENT = 4;
    private static final int READS = 50_000;

    /**
     * The reader waits for room while the transport takes frames on one thread and events are pushed from another,
     * as on a console's socket: every wait must end, or the socket would never read again.
     */
    @Test
    void aReaderWaitingForRoomIsAlwaysWokenWhileEventsArePushedConcurrently() throws InterruptedException {
        AtomicBoolean overflowed = new AtomicBoolean();
        FrameOutbox outbox = new FrameOutbox(new OutboundFrames(JsonMapper.builder().build()), MAX_UNSENT, () -> overflowed.set(true));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Semaphore pushedFrameTaken = new Semaphore(0);
        AtomicBoolean done = new AtomicBoolean();
        // The transport: takes one frame at a time, each on its own thread hop, as a socket that writes slowly.
        outbox.frames().subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                request(1);
            }

            @Override
            protected void hookOnNext(String frame) {
                if (frame.equals("pushed")) {
                    pushedFrameTaken.release();
                }
                threads.execute(() -> request(1));
            }
        });
        // Events pushed meanwhile, one in flight at a time so that the outbox never overflows.
        threads.execute(() -> {
            while (!done.get()) {
                outbox.sendWritten("pushed");
                pushedFrameTaken.acquireUninterruptibly();
            }
        });
        try {
            for (int read = 0; read < READS; read++) {
                outbox.room().block(Duration.ofSeconds(10));
                outbox.sendWritten("answer");
            }
        } finally {
            done.set(true);
            pushedFrameTaken.release();
            threads.shutdownNow();
            threads.awaitTermination(5, TimeUnit.SECONDS);
        }
        assertThat(overflowed).isFalse();
    }
}
