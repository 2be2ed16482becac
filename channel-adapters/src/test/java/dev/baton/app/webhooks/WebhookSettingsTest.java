package dev.baton.app.webhooks;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSettingsTest {

    private static final String SECRET = "a-secret-of-16-chars";

    @Test
    void anEndpointIsRefusedAtStartWithWhatIsWrong() {
        assertThatThrownBy(() -> new WebhookSettings.Endpoint(URI.create("ftp://crm.example.com"), SECRET, Set.of()))
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> new WebhookSettings.Endpoint(URI.create("https://crm.example.com"), "short", Set.of()))
                .hasMessageContaining("at least 16 characters");
        assertThatThrownBy(() -> new WebhookSettings.Endpoint(URI.create("https://crm.example.com"), SECRET, Set.of("conversation.closed")))
                .hasMessageContaining("unknown events [conversation.closed]").hasMessageContaining("conversation.resolved");
    }

    @Test
    void anEndpointWithoutEventsWantsEveryOne() {
        WebhookSettings.Endpoint all = new WebhookSettings.Endpoint(URI.create("https://crm.example.com"), SECRET, Set.of());
        WebhookSettings.Endpoint resolutions = new WebhookSettings.Endpoint(URI.create("https://t.example.com"), SECRET,
                Set.of(OutboundEvent.RESOLVED));

        assertThat(OutboundEvent.TYPES).allMatch(all::wants);
        assertThat(resolutions.wants(OutboundEvent.RESOLVED)).isTrue();
        assertThat(resolutions.wants(OutboundEvent.RATED)).isFalse();
    }

    @Test
    void aSignatureVerifiesOnlyTheBodyAndSecretItWasMadeWith() {
        byte[] body = "{\"type\":\"conversation.started\"}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.sign(SECRET, 1_764_700_000L, body);

        assertThat(header).startsWith("t=1764700000,v1=");
        assertThat(WebhookSignature.verifies(header, SECRET, body)).isTrue();
        assertThat(WebhookSignature.verifies(header, "another-secret-16ch", body)).isFalse();
        assertThat(WebhookSignature.verifies(header, SECRET, "{\"type\":\"conversation.rated\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(WebhookSignature.verifies(header.replace("t=1764700000", "t=1764700001"), SECRET, body)).as("the time is signed").isFalse();
        assertThat(WebhookSignature.signedAt(header, SECRET, body)).contains(java.time.Instant.ofEpochSecond(1_764_700_000L));
        assertThat(WebhookSignature.signedAt(null, SECRET, body)).isEmpty();
        assertThat(WebhookSignature.signedAt("t=soon,v1=zz", SECRET, body)).isEmpty();
        assertThat(WebhookSignature.signedAt("garbage", SECRET, body)).isEmpty();
    }
}
