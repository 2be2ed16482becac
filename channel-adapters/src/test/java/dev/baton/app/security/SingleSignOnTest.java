package dev.baton.app.security;

import dev.baton.app.journey.Agents;
import dev.baton.app.journey.Directory;
import dev.baton.app.journey.DirectoryBrowser;
import dev.baton.audit.AuditEntry;
import dev.baton.audit.AuditLog;
import dev.baton.audit.AuditQuery;
import dev.baton.conversation.AgentRef;
import dev.baton.handoff.AgentRoster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on through an OpenID Connect provider started on loopback: the whole authorization-code flow, as a
 * browser follows it, with the roles mapped from the provider's {@code groups} claim.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.corp.client-id=baton",
        "spring.security.oauth2.client.registration.corp.client-secret=baton-secret",
        "spring.security.oauth2.client.registration.corp.client-name=Corp Directory",
        "spring.security.oauth2.client.registration.corp.scope=openid,profile",
        "baton.sso.roles.baton-agents=AGENT",
        "baton.sso.roles.baton-supervisors=AGENT,SUPERVISOR",
        "baton.sso.roles.baton-trainers=TRAINER",
        "baton.sso.roles.it-admins=ADMIN",
        "baton.sso.capacity=3",
        "baton.agents.users[0].username=alice", "baton.agents.users[0].password-hash={noop}alice-secret",
        "baton.agents.users[0].roles=AGENT,ADMIN"})
class SingleSignOnTest {

    @RegisterExtension
    static final Directory DIRECTORY = new Directory();

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    AgentRoster roster;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        DIRECTORY.register(registry);
    }


    @Test
    void anAgentFromTheDirectorySignsInWithTheRolesTheirGroupsGiveAndJoinsTheRoster() {
        Instant before = Instant.now();
        DirectoryBrowser browser = new DirectoryBrowser();

        DirectoryBrowser.Page landing = signIn(browser, "dana", "Dana Ortiz", List.of("baton-agents", "marketing"));

        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.body()).as("moves on to the console from a page of ours")
                .contains("<meta http-equiv=\"refresh\" content=\"0;url=/console.html\">");
        assertThat(browser.get(baton("/console.html")).status()).isEqualTo(200);
        assertThat(browser.get(baton("/supervisor.html")).status()).as("no SUPERVISOR role").isEqualTo(403);
        assertThat(browser.get(baton("/api/audit")).status()).as("no ADMIN role").isEqualTo(403);
        assertThat(browser.get(baton("/trainer.html")).status()).as("no TRAINER role").isEqualTo(403);
        assertThat(roster.find("dana").block(Duration.ofSeconds(10)))
                .isEqualTo(new AgentRoster.Member(new AgentRef("dana", "Dana Ortiz"), 3));
        assertThat(Agents.handshakeStatus(port, "/ws/agent", "SESSION=" + browser.cookie(URI.create(baton("/")), "SESSION")))
                .as("the console's socket").isEqualTo(101);
        assertThat(entriesSince(before, "dana")).extracting(AuditEntry::action, AuditEntry::detail)
                .contains(org.assertj.core.groups.Tuple.tuple("login_succeeded", "signed in through corp"));
    }

    @Test
    void aSupervisorFromTheDirectoryGetsBothRoles() {
        DirectoryBrowser browser = new DirectoryBrowser();

        signIn(browser, "sam", "Sam Lee", List.of("baton-supervisors"));

        assertThat(browser.get(baton("/supervisor.html")).status()).isEqualTo(200);
        assertThat(browser.get(baton("/console.html")).status()).isEqualTo(200);
        assertThat(browser.get(baton("/admin.html")).status()).isEqualTo(403);
    }

    @Test
    void anAdministratorFromTheDirectoryLandsOnTheVisitorsDataPageAndReadsTheAuditLog() {
        DirectoryBrowser browser = new DirectoryBrowser();

        DirectoryBrowser.Page landing = signIn(browser, "ivan", "Ivan Petrov", List.of("it-admins"));

        assertThat(landing.body()).contains("url=/admin.html");
        assertThat(browser.get(baton("/audit.html")).status()).isEqualTo(200);
        assertThat(browser.get(baton("/api/audit?actor=ivan")).body()).contains("\"action\":\"login_succeeded\"");
        assertThat(browser.get(baton("/console.html")).status()).as("no AGENT role").isEqualTo(403);
        assertThat(roster.find("ivan").blockOptional(Duration.ofSeconds(10))).as("on no roster").isEmpty();
    }

    @Test
    void aDirectoryUserNoneOfWhoseGroupsMapsToARoleIsRefusedWithAClearMessage() {
        Instant before = Instant.now();
        DirectoryBrowser browser = new DirectoryBrowser();

        DirectoryBrowser.Page refused = signIn(browser, "mallory", "Mallory", List.of("marketing"));

        assertThat(refused.uri().getPath() + "?" + refused.uri().getQuery()).isEqualTo("/login.html?refused=no_baton_role");
        assertThat(browser.get(baton("/console.html")).uri().getPath()).as("not signed in").isEqualTo("/login.html");
        assertThat(roster.find("mallory").blockOptional(Duration.ofSeconds(10))).isEmpty();
        assertThat(entriesSince(before, "mallory")).extracting(AuditEntry::action).containsExactly("login_refused");
    }

    @Test
    void aDirectoryUserWithAConfiguredUsersNameIsRefused() {
        DirectoryBrowser browser = new DirectoryBrowser();

        DirectoryBrowser.Page refused = signIn(browser, "alice", "Someone Else", List.of("baton-agents"));

        assertThat(refused.uri().getQuery()).isEqualTo("refused=configured_username");
        assertThat(browser.get(baton("/console.html")).uri().getPath()).isEqualTo("/login.html");
    }

    @Test
    void anAgentWhoLostTheRoleInTheDirectoryLeavesTheRosterAtTheirNextSignIn() {
        signIn(new DirectoryBrowser(), "erin", "Erin", List.of("baton-agents"));
        assertThat(roster.find("erin").blockOptional(Duration.ofSeconds(10))).isPresent();

        DirectoryBrowser.Page trainer = signIn(new DirectoryBrowser(), "erin", "Erin", List.of("baton-trainers"));

        assertThat(trainer.body()).contains("url=/trainer.html");
        assertThat(roster.find("erin").blockOptional(Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void signingOutEndsTheSessionAtBatonAndAtTheProviderAndIsAudited() {
        Instant before = Instant.now();
        DirectoryBrowser browser = new DirectoryBrowser();
        signIn(browser, "dana", "Dana Ortiz", List.of("baton-agents"));

        DirectoryBrowser.Page signedOut = browser.postForm(baton("/logout"));

        assertThat(signedOut.uri().toString()).as("back from the provider's end-session endpoint")
                .isEqualTo(baton("/login.html?logout"));
        assertThat(signedOut.way()).extracting(URI::getPath).contains(DIRECTORY.endSessionPath());
        assertThat(browser.get(baton("/console.html")).uri().getPath()).isEqualTo("/login.html");
        assertThat(entriesSince(before, "dana")).extracting(AuditEntry::action).contains("logged_out", "login_succeeded");
    }

    @Test
    void theLoginPageIsToldWhichProvidersThereAre() {
        DirectoryBrowser.Page options = new DirectoryBrowser().get(baton("/login/options"));

        assertThat(options.body()).isEqualTo(
                "{\"password\":true,\"providers\":[{\"name\":\"Corp Directory\",\"url\":\"/oauth2/authorization/corp\"}]}");
    }

    /** Signs in through the provider, which vouches for {@code username} with these claims; where it ended. */
    private DirectoryBrowser.Page signIn(DirectoryBrowser browser, String username, String name, List<String> groups) {
        DIRECTORY.vouchFor(username, name, groups);
        return browser.get(baton("/oauth2/authorization/corp"));
    }

    private List<AuditEntry> entriesSince(Instant since, String who) {
        return audit.find(new AuditQuery(Optional.of(since), Optional.empty(), Optional.of(who), Set.of(), 0, 100))
                .collectList().block(Duration.ofSeconds(10));
    }

    private String baton(String path) {
        return "http://localhost:" + port + path;
    }
}
