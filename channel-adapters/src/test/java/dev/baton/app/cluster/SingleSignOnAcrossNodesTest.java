package dev.baton.app.cluster;

import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.Directory;
import dev.baton.app.journey.DirectoryBrowser;
import dev.baton.app.journey.OpenedSockets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent from the company's directory who signed in on one node works on every node: their session, and their place
 * on the roster (the name visitors see, their capacity), which a colleague's console on another node lists.
 */
class SingleSignOnAcrossNodesTest {

    @RegisterExtension
    static final Directory DIRECTORY = new Directory();

    @RegisterExtension
    static final BatonNodes cluster = new BatonNodes();

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    private static BatonNodes.Node nodeA;
    private static BatonNodes.Node nodeB;

    @BeforeAll
    static void startTwoNodes() {
        String[] sso = {
                "spring.security.oauth2.client.registration.corp.client-id=baton",
                "spring.security.oauth2.client.registration.corp.client-secret=baton-secret",
                "spring.security.oauth2.client.registration.corp.scope=openid,profile",
                "spring.security.oauth2.client.provider.corp.issuer-uri=" + DIRECTORY.issuerUri(),
                "baton.sso.roles.baton-agents=AGENT",
                "baton.sso.capacity=2"};
        nodeA = cluster.startOn(BatonNodes.redis(), sso);
        nodeB = cluster.startOn(BatonNodes.redis(), sso);
    }

    @Test
    void anAgentWhoSignedInThroughTheDirectoryOnOneNodeWorksOnTheOtherAndIsOnItsRoster() {
        DirectoryBrowser browser = new DirectoryBrowser();
        DIRECTORY.vouchFor("dana", "Dana Ortiz", List.of("baton-agents"));
        assertThat(browser.get("http://localhost:" + nodeA.port() + "/oauth2/authorization/corp").status()).isEqualTo(200);
        String session = "SESSION=" + browser.cookie(URI.create("http://localhost:" + nodeA.port()), "SESSION");

        ChatSocket danaOnB = sockets.withSession(nodeB.port(), "/ws/agent", session);
        JsonNode welcome = danaOnB.await("welcome");
        assertThat(welcome.get("agent").get("name").stringValue()).isEqualTo("Dana Ortiz");

        ChatSocket brunoOnA = sockets.agent(nodeA.port(), "bruno", "bruno-secret-1");
        brunoOnA.await("welcome");
        brunoOnA.send(Map.of("type", "team"));
        JsonNode dana = brunoOnA.await("team", team -> team.get("agents").valueStream()
                        .anyMatch(a -> a.get("username").stringValue().equals("dana") && a.get("status").stringValue().equals("online")))
                .get("agents").valueStream().filter(a -> a.get("username").stringValue().equals("dana")).findFirst().orElseThrow();
        assertThat(dana.get("name").stringValue()).isEqualTo("Dana Ortiz");
        assertThat(dana.get("capacity").asInt()).isEqualTo(2);
    }
}
