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
            LoadOptions.Builder options = new LoadOptions.Builder();
            options.url = java.net.URI.create("ws://127.0.0.1:" + echo.port() + EchoServer.PATH);
            options.conversations = 20;
            options.rate = 400;
            options.ramp = Duration.ofMillis(500);
            options.warmup = Duration.ofMillis(500);
            options.duration = Duration.ofMillis(1500);
            options.replyTimeout = Duration.ofSeconds(2);
            options.questionsPerConversation = 15; // so that connections also start fresh conversations
            options.screen = false; // the echo server's reply is no intent's answer
            options.intents = Path.of("../intents");
            options.threads = 1;
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
            assertTrue(sent >= 300, "most of the 600 measured messages were sent: " + report);
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
    void parsesTheDocumentedCommandLine() {
        LoadOptions options = LoadOptions.parse("--url", "ws://127.0.0.1:18090/ws/visitor", "--conversations", "1000",
                "--rate", "5000", "--duration", "60s", "--warmup", "10s", "--ramp=500ms", "--hold");
        assertEquals(1000, options.conversations());
        assertEquals(5000.0, options.rate());
        assertEquals(Duration.ofSeconds(60), options.duration());
        assertEquals(Duration.ofMillis(500), options.ramp());
        assertTrue(options.hold());
        assertEquals(Duration.ofMinutes(2), LoadOptions.duration("2m"));
    }
}
