package dev.baton.app.journey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Canned responses over the agent socket on the in-memory store: seeded shared ones, each agent's own, and the
 * shared ones managed by supervisors only (the demo profile makes alice one).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CannedResponsesOverSocketsTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void everyConsoleStartsWithTheSeededSharedOnesAndOnlySupervisorsMayManageThem() {
        ChatSocket alice = agent("alice", "alice-secret-1");
        ChatSocket bruno = agent("bruno", "bruno-secret-1");

        JsonNode alices = alice.await("canned_responses");
        JsonNode brunos = bruno.await("canned_responses");
        assertThat(alices.get("canManageShared").asBoolean()).isTrue();
        assertThat(brunos.get("canManageShared").asBoolean()).isFalse();
        assertThat(brunos.get("responses").toString()).contains("\"shortcut\":\"refund\"", "{order_number}");

        bruno.send(Map.of("type", "save_canned", "scope", "shared", "language", "en", "shortcut", "bruno-shared", "text", "x"));
        assertThat(bruno.await("error").get("code").stringValue()).isEqualTo("not_allowed");
        String shortcut = "s" + UUID.randomUUID().toString().substring(0, 8);
        alice.send(Map.of("type", "save_canned", "scope", "shared", "language", "it", "shortcut", shortcut, "text", "Un attimo, {visitor_name}."));
        alice.await("canned_responses", f -> f.toString().contains(shortcut));
        bruno.send(Map.of("type", "canned_responses"));
        assertThat(bruno.await("canned_responses", f -> f.toString().contains(shortcut)).toString()).doesNotContain("bruno-shared");
        alice.send(Map.of("type", "delete_canned", "scope", "shared", "language", "it", "shortcut", shortcut));
        alice.await("canned_responses", f -> !f.toString().contains(shortcut));
    }

    @Test
    void anAgentKeepsPersonalOnesOthersNeverSeeAndBadOnesAreRefusedWithTheirCode() {
        ChatSocket alice = agent("alice", "alice-secret-1");
        ChatSocket bruno = agent("bruno", "bruno-secret-1");
        String shortcut = "p" + UUID.randomUUID().toString().substring(0, 8);

        bruno.send(Map.of("type", "save_canned", "scope", "personal", "language", "en", "shortcut", shortcut, "text", "Bruno here, {visitor_name}."));
        JsonNode mine = bruno.await("canned_responses", f -> f.toString().contains(shortcut));
        alice.send(Map.of("type", "canned_responses"));

        assertThat(mine.get("responses").findValuesAsString("scope")).contains("personal", "shared");
        assertThat(alice.await("canned_responses", f -> true).toString()).doesNotContain(shortcut);
        bruno.send(Map.of("type", "save_canned", "scope", "personal", "language", "en", "shortcut", "/Refund!", "text", "x"));
        assertThat(bruno.await("error").get("code").stringValue()).isEqualTo("invalid_canned_response");
        bruno.send(Map.of("type", "save_canned", "scope", "personal", "language", "english", "shortcut", "ok", "text", "x"));
        assertThat(bruno.await("error").get("code").stringValue()).isEqualTo("invalid_canned_response");
        bruno.send(Map.of("type", "save_canned", "scope", "personal", "language", "en", "shortcut", "ok", "text", "  "));
        assertThat(bruno.await("error").get("code").stringValue()).isEqualTo("empty_message");
        bruno.send(Map.of("type", "save_canned", "scope", "team", "language", "en", "shortcut", "ok", "text", "x"));
        assertThat(bruno.await("error").get("code").stringValue()).isEqualTo("missing_field");
    }

    private ChatSocket agent(String username, String password) {
        ChatSocket agent = sockets.agent(port, username, password);
        agent.await("welcome");
        return agent;
    }
}
