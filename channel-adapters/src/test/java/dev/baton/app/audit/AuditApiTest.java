package dev.baton.app.audit;

import dev.baton.audit.Actor;
import dev.baton.audit.AuditTrail;
import dev.baton.audit.StaffAction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log is read by admins, through {@code GET /api/audit}, filtered by time, user and action; nobody else reads it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditApiTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail trail;

    @Test
    void anAdminReadsWhoDidWhatWhenAndFromWhereNewestFirstAndTheReadingIsRecorded() {
        String conversation = "c-" + UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);
        trail.record(new Actor("bruno", "203.0.113.9"), StaffAction.ACCEPTED, conversation, "").block(Duration.ofSeconds(10));
        trail.record(new Actor("bruno", "203.0.113.9"), StaffAction.RESOLVED, conversation, "").block(Duration.ofSeconds(10));

        JsonNode entries = audit("alice", "alice-secret-1", "?actor=bruno&since=" + before + "&limit=10")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("action").stringValue()).isEqualTo("resolved");
        assertThat(entries.get(1).get("action").stringValue()).isEqualTo("accepted");
        assertThat(entries.get(1).get("who").stringValue()).isEqualTo("bruno");
        assertThat(entries.get(1).get("from").stringValue()).isEqualTo("203.0.113.9");
        assertThat(entries.get(1).get("subject").stringValue()).isEqualTo(conversation);
        assertThat(Instant.parse(entries.get(1).get("at").stringValue())).isAfterOrEqualTo(before);
        JsonNode reading = audit("alice", "alice-secret-1", "?action=audit_read&limit=1").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(reading.get(0).get("who").stringValue()).isEqualTo("alice");
        assertThat(reading.get(0).get("from").stringValue()).isNotBlank();
    }

    @Test
    void whoIsNoAdminIsRefused() {
        audit("bruno", "bruno-secret-1", "").expectStatus().isForbidden();
        http().get().uri("/api/audit").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aMalformedQueryIsAClearError() {
        audit("alice", "alice-secret-1", "?since=yesterday").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("bad_request")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("since"));
        audit("alice", "alice-secret-1", "?limit=0").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("limit"));
    }

    private WebTestClient.ResponseSpec audit(String user, String password, String query) {
        return http().get().uri("/api/audit" + query).headers(h -> h.setBasicAuth(user, password)).exchange();
    }

    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }
}
