package dev.baton.app.journey;

import dev.baton.audit.AuditEntry;
import dev.baton.audit.AuditLog;
import dev.baton.audit.AuditQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an agent does on the console lands in the audit log — who, from where, what, to which conversation — and what
 * they wrote never does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleActionsAuditedTest {

    private static final String NOTE = "Customer 4929 1234 5678 9012, ann@example.com, very upset";
    private static final String CANNED = "Dear {visitor_name}, your parcel 0042 left today.";

    @LocalServerPort
    int port;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Autowired
    AuditLog audit;

    @Test
    void acceptingNotingResolvingAndChangingCannedResponsesAreAuditedWithoutTheirTexts() {
        Instant started = Instant.now().minusSeconds(1);
        ChatSocket bruno = sockets.agent(port, "bruno", "bruno-secret-1");
        bruno.await("welcome");
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", "v-audited-" + UUID.randomUUID().toString().substring(0, 8), "language", "en"));
        String conversationId = visitor.await("welcome").get("conversationId").stringValue();
        visitor.send(Map.of("type", "message", "text", "I want to talk to a person", "clientMessageId", "ask"));
        visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        bruno.awaitQueued(conversationId);

        bruno.send(Map.of("type", "accept", "conversationId", conversationId));
        bruno.await("conversation");
        bruno.send(Map.of("type", "note", "conversationId", conversationId, "text", NOTE, "clientMessageId", "n-1"));
        bruno.awaitMessage("note");
        bruno.send(Map.of("type", "save_canned", "scope", "personal", "language", "en", "shortcut", "parcel", "text", CANNED));
        bruno.send(Map.of("type", "resolve", "conversationId", conversationId));

        AuditQuery ofBruno = new AuditQuery(Optional.of(started), Optional.empty(), Optional.of("bruno"), Set.of(), 0, 100);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(entries(ofBruno)).extracting(AuditEntry::action)
                .contains("accepted", "note_added", "canned_response_saved", "resolved"));
        List<AuditEntry> entries = entries(ofBruno);
        // Bruno's other conversations of earlier tests on this shared context may end meanwhile: only this one is checked.
        assertThat(entries).filteredOn(e -> e.subject().equals(conversationId)).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder("accepted", "note_added", "resolved");
        assertThat(entries).extracting(AuditEntry::action).as("the console's sign-in, on the form").contains("login_succeeded");
        assertThat(entries).filteredOn(e -> e.action().equals("canned_response_saved")).extracting(AuditEntry::subject)
                .containsExactly("canned response personal en /parcel");
        assertThat(entries).filteredOn(e -> e.subject().equals(conversationId) || e.action().equals("canned_response_saved"))
                .extracting(AuditEntry::from).containsOnly("127.0.0.1");
        assertThat(entries).allSatisfy(e -> assertThat(e.subject() + e.detail())
                .doesNotContain("4929", "ann@example.com", "upset", "parcel 0042", "I want to talk"));
    }

    private List<AuditEntry> entries(AuditQuery query) {
        return audit.find(query).collectList().block(Duration.ofSeconds(10));
    }
}
