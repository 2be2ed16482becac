package dev.baton.app.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keeps the load generator working: a short run against the echo server, in-process on a random port. */
class LoadGeneratorTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void reportsEveryQuestionAnsweredOnceAgainstTheEchoServer() {
        try (EchoServer echo = EchoServer.start(0)) {
            LoadOptions.Builder options = againstTheEchoServer(echo);
            options.conversations = 20;
            options.rate = 400;
            options.ramp = Duration.ofMillis(500);
            options.warmup = Duration.ofMillis(500);
            options.duration = Duration.ofMillis(1500);
            options.questionsPerConversation = 15; // so that connections also start fresh conversations
            options.progressInterval = Duration.ofSeconds(1);

            Map<String, Object> report = new LoadGenerator(options.build()).run();

            for (String field : List.of("target", "conversations", "offeredRate", "achievedMessagesPerSecond",
                    "latencyMillis", "sent", "replied", "lost", "duplicated", "errors", "handoffs", "durationSeconds")) {
                assertTrue(report.containsKey(field), "report has " + field + ": " + report);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> latency = (Map<String, Object>) report.get("latencyMillis");
            for (String field : List.of("p50", "p95", "p99", "p999", "max")) {
                assertTrue(latency.containsKey(field), "latency has " + field + ": " + latency);
            }
            long sent = (Long) report.get("sent");
            assertEquals(600.0, sent, 1.0, () -> "every measured question was sent: " + report);
            assertEquals(0L, report.get("skippedSlots"), () -> "a connection between conversations asks late, it skips nothing: " + report);
            assertEquals(sent, report.get("replied"), () -> "every question answered: " + report);
            assertEquals(0L, report.get("lost"), () -> "none lost: " + report);
            assertEquals(0L, report.get("duplicated"), () -> "none duplicated: " + report);
            assertEquals(0L, report.get("handoffs"), () -> "no handoff: " + report);
            assertEquals(Map.of(), report.get("errors"), () -> "no error frames: " + report);
            assertEquals(20L, report.get("connectionsOpened"), () -> "every connection opened: " + report);
            assertTrue((Long) report.get("newConversations") > 0, () -> "fresh conversations were started: " + report);
            assertEquals(sent, ((Number) latency.get("samples")).longValue(), () -> "one latency sample per reply: " + report);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void resendsEachQuestionRefusedBusyAfterItsRetryAfterAndCountsTheRefusalsApart() {
        try (EchoServer echo = EchoServer.refusingEachMessageOnce(0)) {
            LoadOptions.Builder options = againstTheEchoServer(echo);
            options.conversations = 10;
            options.rate = 100;
            options.ramp = Duration.ofMillis(500);
            options.warmup = Duration.ofMillis(500);
            options.duration = Duration.ofMillis(1500);

            Map<String, Object> report = new LoadGenerator(options.build()).run();

            long sent = (Long) report.get("sent");
            assertEquals(150.0, sent, 1.0, () -> "every measured question was sent: " + report);
            assertEquals(sent, report.get("refused"), () -> "each question refused once: " + report);
            assertEquals(sent, report.get("resent"), () -> "each refused question sent again: " + report);
            assertEquals(sent, report.get("answered"), () -> "each answered after its resend: " + report);
            assertEquals(0L, report.get("lost"), () -> "none lost: " + report);
            assertEquals(Map.of(), report.get("errors"), () -> "a refusal is not counted as another error: " + report);
            @SuppressWarnings("unchecked")
            Map<String, Object> latency = (Map<String, Object>) report.get("latencyMillis");
            assertTrue(((Number) latency.get("p50")).doubleValue() >= EchoServer.RETRY_AFTER_MS,
                    () -> "latency counts from the first send, before the refusal: " + report);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void reportsEachStepOfARateSweepAndTheKnee() {
        try (EchoServer echo = EchoServer.start(0)) {
            LoadOptions.Builder options = againstTheEchoServer(echo);
            options.conversations = 10;
            options.sweepRates = List.of(100.0, 200.0);
            options.step = Duration.ofMillis(700);
            options.kneeP99 = Duration.ofSeconds(5); // the echo server keeps up with both on any machine
            options.ramp = Duration.ofMillis(300);
            options.warmup = Duration.ofMillis(400);

            Map<String, Object> report = new LoadGenerator(options.build()).run();

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> steps = (List<Map<String, Object>>) report.get("steps");
            assertEquals(2, steps.size(), () -> "one report per step: " + report);
            assertEquals(70.0, ((Number) steps.get(0).get("sent")).doubleValue(), 1.0, () -> "100/s for 0.7 s: " + report);
            assertEquals(140.0, ((Number) steps.get(1).get("sent")).doubleValue(), 1.0, () -> "200/s for 0.7 s: " + report);
            @SuppressWarnings("unchecked")
            Map<String, Object> knee = (Map<String, Object>) report.get("knee");
            assertEquals(200.0, knee.get("offeredRate"), () -> "kept up with every step: " + report);
        }
    }

    private static LoadOptions.Builder againstTheEchoServer(EchoServer echo) {
        LoadOptions.Builder options = new LoadOptions.Builder();
        options.url = java.net.URI.create("ws://127.0.0.1:" + echo.port() + EchoServer.PATH);
        options.replyTimeout = Duration.ofSeconds(2);
        options.screen = false; // the echo server's reply is no intent's answer
        options.intents = Path.of("../intents");
        options.threads = 1;
        return options;
    }

    @Test
    void parsesTheDocumentedCommandLine() {
        LoadOptions options = LoadOptions.parse("--url", "ws://127.0.0.1:18090/ws/visitor", "--conversations", "1000",
                "--rate", "5000", "--duration", "60s", "--warmup", "10s", "--ramp=500ms", "--hold");
        assertEquals(1000, options.conversations());
        assertEquals(5000.0, options.rate());
        assertEquals(Duration.ofSeconds(60), options.duration());
        assertEquals(Duration.ofMillis(500), options.ramp());
        assertTrue(options.hold());
        assertEquals(Duration.ofMinutes(2), LoadOptions.duration("2m"));
        assertEquals(5, options.questionsPerConversation(), "conversations end after a few questions by default");
        LoadOptions sweep = LoadOptions.parse("--sweep-rates", "1000, 2500,4000", "--step", "15s", "--knee-p99", "40ms");
        assertEquals(List.of(1000.0, 2500.0, 4000.0), sweep.sweepRates());
        assertEquals(Duration.ofSeconds(15), sweep.step());
        assertEquals(Duration.ofMillis(40), sweep.kneeP99());
    }
}
