package dev.baton.app.security;

import dev.baton.app.journey.Agents;
import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.Directory;
import dev.baton.app.journey.DirectoryBrowser;
import dev.baton.app.journey.OpenedSockets;
import dev.baton.conversation.AgentRef;
import dev.baton.handoff.AgentRoster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agents from the company's directory in the teams their groups map to ({@code baton.sso.teams}): support takes
 * Persian, billing English; Alice, configured, is in support and supervises. Dana's group puts her in billing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.corp.client-id=baton",
        "spring.security.oauth2.client.registration.corp.client-secret=baton-secret",
        "spring.security.oauth2.client.registration.corp.scope=openid,profile",
        "baton.sso.roles.billing-desk=AGENT",
        "baton.sso.roles.baton-agents=AGENT",
        "baton.sso.teams.billing-desk=billing",
        "baton.sso.roles.desk-leads=AGENT,SUPERVISOR",
        "baton.sso.teams.desk-leads=billing",
        "baton.teams[0].name=support", "baton.teams[0].languages=fa", "baton.teams[0].members=alice",
        "baton.teams[1].name=billing", "baton.teams[1].languages=en",
        "baton.agents.users[0].username=alice", "baton.agents.users[0].password-hash={noop}alice-secret",
        "baton.agents.users[0].roles=AGENT,SUPERVISOR"})
class SingleSignOnTeamsTest {

    @RegisterExtension
    static final Directory DIRECTORY = new Directory();

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @LocalServerPort
    int port;

    @Autowired
    AgentRoster roster;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        DIRECTORY.register(registry);
    }


    @Test
    void anAgentWhoseGroupMapsToBillingSeesBillingsQueueAndNotSupportsAndTakesBillingsConversations() {
        String persian = givenAVisitorWaiting("fa", "می‌خواهم با یک اپراتور صحبت کنم").conversationId();
        String english = givenAVisitorWaiting("en", "I want to talk to a person").conversationId();

        ChatSocket dana = signedInConsole("dana", "Dana Ortiz", List.of("billing-desk", "marketing"));

        assertThat(dana.await("welcome").get("teams").findParents("name"))
                .extracting(t -> t.get("name").stringValue() + ":" + t.get("member").asBoolean())
                .containsExactly("support:false", "billing:true");
        assertThat(dana.awaitQueued(english).get("team").stringValue()).isEqualTo("billing");
        assertThat(dana.queuedConversationIds()).as("support's conversation is not in her queue").doesNotContain(persian);

        dana.send(Map.of("type", "accept", "conversationId", persian));
        assertThat(dana.await("error", f -> persian.equals(f.get("conversationId").stringValue())).get("code").stringValue())
                .isEqualTo("other_team");
        dana.send(Map.of("type", "accept", "conversationId", english));
        assertThat(dana.await("conversation", f -> f.get("conversationId").stringValue().equals(english)).get("state").stringValue())
                .isEqualTo("WITH_AGENT");

        ChatSocket alice = sockets.withSession(port, "/ws/supervisor", Agents.login(port, "alice", "alice-secret"));
        JsonNode billing = alice.await("supervision").get("teams").valueStream()
                .filter(team -> team.get("name").stringValue().equals("billing")).findFirst().orElseThrow();
        assertThat(billing.get("agents").findValuesAsString("username")).as("the supervisor view lists her in billing").contains("dana");
    }

    @Test
    void aSupervisorFromTheDirectorySeesEveryTeamsQueueInTheConsoleAndTakesAnyConversationAsAConfiguredOneDoes() {
        String persian = givenAVisitorWaiting("fa", "می‌خواهم با یک اپراتور صحبت کنم").conversationId();

        ChatSocket olga = signedInConsole("olga", "Olga Berg", List.of("desk-leads"));

        assertThat(olga.awaitQueued(persian).get("team").stringValue()).as("support's, though she is in billing").isEqualTo("support");
        olga.send(Map.of("type", "accept", "conversationId", persian));
        assertThat(olga.await("conversation", f -> f.get("conversationId").stringValue().equals(persian)).get("state").stringValue())
                .isEqualTo("WITH_AGENT");
    }

    @Test
    void theTeamsAreKeptWithTheAgentAndRefreshedAtEachSignIn() {
        signIn(new DirectoryBrowser(), "erin", "Erin", List.of("billing-desk"));
        assertThat(roster.find("erin").block(Duration.ofSeconds(10)))
                .isEqualTo(new AgentRoster.Member(new AgentRef("erin", "Erin"), 5, Set.of("billing")));

        signIn(new DirectoryBrowser(), "erin", "Erin", List.of("baton-agents"));

        assertThat(roster.find("erin").block(Duration.ofSeconds(10)).directoryTeams()).as("moved out of billing").isEmpty();
    }

    @Test
    void anAgentWhoseGroupsMapToNoTeamIsToldTheyAreInNone() {
        ChatSocket fred = signedInConsole("fred", "Fred", List.of("baton-agents"));

        assertThat(fred.await("welcome").get("teams").findParents("name"))
                .extracting(t -> t.get("member").asBoolean()).containsOnly(false);
    }

    private ChatSocket signedInConsole(String username, String name, List<String> groups) {
        DirectoryBrowser browser = new DirectoryBrowser();
        signIn(browser, username, name, groups);
        ChatSocket console = sockets.withSession(port, "/ws/agent", "SESSION=" + browser.cookie(URI.create(baton("/")), "SESSION"));
        console.await("agent_status");
        return console;
    }

    private void signIn(DirectoryBrowser browser, String username, String name, List<String> groups) {
        DIRECTORY.vouchFor(username, name, groups);
        assertThat(browser.get(baton("/oauth2/authorization/corp")).status()).isEqualTo(200);
    }

    private ChatSocket givenAVisitorWaiting(String language, String text) {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", "v-" + UUID.randomUUID().toString().replace("-", ""), "language", language));
        visitor.await("welcome");
        visitor.send(Map.of("type", "message", "text", text, "clientMessageId", UUID.randomUUID().toString()));
        visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        return visitor;
    }

    private String baton(String path) {
        return "http://localhost:" + port + path;
    }
}
