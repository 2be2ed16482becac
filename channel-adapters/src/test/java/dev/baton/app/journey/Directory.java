package dev.baton.app.journey;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * The company's directory for single sign-on tests: mock-oauth2-server on a loopback port, started with the test
 * class (register it as a static {@code @RegisterExtension} field) and stopped after it; Baton's client registration
 * {@code corp} points at its issuer ({@link #register}).
 */
public final class Directory implements AfterAllCallback {

    private static final String ISSUER = "corp";

    private final MockOAuth2Server server = new MockOAuth2Server();

    public Directory() {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    /** For the test class's {@code @DynamicPropertySource}. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.provider.corp.issuer-uri", this::issuerUri);
    }

    public String issuerUri() {
        return server.issuerUrl(ISSUER).toString();
    }

    /** The next sign-in vouches for {@code username} with their name and groups. */
    public void vouchFor(String username, String name, List<String> groups) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, username, "JWT", List.of("baton"),
                Map.of("preferred_username", username, "name", name, "groups", groups), 3600));
    }

    /** Where the directory ends a session (RP-initiated logout). */
    public String endSessionPath() {
        return server.endSessionEndpointUrl(ISSUER).encodedPath();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.shutdown();
    }
}
