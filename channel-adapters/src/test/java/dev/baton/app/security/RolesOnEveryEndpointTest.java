package dev.baton.app.security;

import dev.baton.app.journey.Agents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint, page and socket that needs a role (README, Roles) refuses each signed-in user who lacks it with
 * {@code 403}. The endpoints are walked as the application maps them, so a new one under {@code /api/trainer} or
 * {@code /api/admin} is checked without being listed here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "baton.agents.users[0].username=agent", "baton.agents.users[0].password-hash={noop}agent-secret",
        "baton.agents.users[0].roles=AGENT",
        "baton.agents.users[1].username=supervisor", "baton.agents.users[1].password-hash={noop}supervisor-secret",
        "baton.agents.users[1].roles=AGENT,SUPERVISOR",
        "baton.agents.users[2].username=trainer", "baton.agents.users[2].password-hash={noop}trainer-secret",
        "baton.agents.users[2].roles=TRAINER",
        "baton.agents.users[3].username=admin", "baton.agents.users[3].password-hash={noop}admin-secret",
        "baton.agents.users[3].roles=ADMIN",
        "baton.agents.users[4].username=metrics", "baton.agents.users[4].password-hash={noop}metrics-secret",
        "baton.agents.users[4].roles=METRICS"})
class RolesOnEveryEndpointTest {

    /** Each user has the roles of their name (supervisor: AGENT and SUPERVISOR). */
    private static final List<String> USERS = List.of("agent", "supervisor", "trainer", "admin", "metrics");

    private record Endpoint(HttpMethod method, String path) {
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointRefusesEveryUserWithoutItsRole() {
        List<String> wronglyServed = new ArrayList<>();
        Set<Endpoint> walked = new LinkedHashSet<>();
        for (Endpoint endpoint : endpoints()) {
            Set<String> allowed = allowedUsers(endpoint.path());
            if (allowed == null) {
                continue;
            }
            walked.add(endpoint);
            for (String user : USERS) {
                if (allowed.contains(user)) {
                    continue;
                }
                HttpStatus status = HttpStatus.valueOf(http().method(endpoint.method()).uri(endpoint.path())
                        .headers(h -> h.setBasicAuth(user, user + "-secret")).exchange()
                        .returnResult(byte[].class).getStatus().value());
                if (status != HttpStatus.FORBIDDEN) {
                    wronglyServed.add(endpoint + " for " + user + ": " + status);
                }
            }
        }

        assertThat(wronglyServed).isEmpty();
        assertThat(walked).as("the trainer API, the audit log, the pages and the metrics")
                .hasSizeGreaterThan(30)
                .contains(new Endpoint(HttpMethod.POST, "/api/trainer/reload"), new Endpoint(HttpMethod.GET, "/api/audit"),
                        new Endpoint(HttpMethod.GET, "/console.html"), new Endpoint(HttpMethod.GET, "/actuator/prometheus"));
    }

    @Test
    void theConsoleSocketRefusesUsersWhoAreNoAgents() {
        for (String user : List.of("trainer", "admin", "metrics")) {
            String session = Agents.login(port, user, user + "-secret");
            assertThat(Agents.handshakeStatus(port, "/ws/agent", session)).as(user).isEqualTo(403);
        }
        assertThat(Agents.handshakeStatus(port, "/ws/agent", Agents.login(port, "agent", "agent-secret"))).isEqualTo(101);
    }

    @Test
    void theSupervisorSocketRefusesUsersWhoAreNoSupervisors() {
        for (String user : List.of("agent", "trainer", "admin", "metrics")) {
            String session = Agents.login(port, user, user + "-secret");
            assertThat(Agents.handshakeStatus(port, "/ws/supervisor", session)).as(user).isEqualTo(403);
        }
    }

    /** Who may use {@code path}, as SecurityConfiguration and the README's Roles say; null for what needs no role. */
    private static Set<String> allowedUsers(String path) {
        if (path.startsWith("/api/trainer/") || path.startsWith("/trainer.")) {
            return Set.of("trainer");
        }
        if (path.equals("/api/audit") || path.startsWith("/api/audit/") || path.startsWith("/api/admin/") || path.startsWith("/admin.")
                || path.startsWith("/audit.")) {
            return Set.of("admin");
        }
        if (path.equals("/console.html") || path.equals("/console.js")) {
            return Set.of("agent", "supervisor");
        }
        if (path.equals("/console.css")) {
            return Set.of("agent", "supervisor", "trainer", "admin");
        }
        if (path.startsWith("/supervisor.") || path.startsWith("/analytics.") || path.equals("/api/analytics")) {
            return Set.of("supervisor");
        }
        if (path.equals("/actuator/prometheus")) {
            return Set.of("metrics");
        }
        return null;
    }

    /** The controllers' endpoints (path variables filled in), the pages and the metrics. */
    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternsCondition().getPatterns().forEach(pattern -> {
            String path = pattern.getPatternString().replaceAll("\\{\\*?[^}]+}", "x");
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty()) {
                endpoints.add(new Endpoint(HttpMethod.GET, path));
            }
            methods.forEach(method -> endpoints.add(new Endpoint(method.asHttpMethod(), path)));
        }));
        for (String page : List.of("/console.html", "/console.js", "/console.css", "/trainer.html", "/trainer.js", "/trainer.css",
                "/supervisor.html", "/supervisor.js", "/supervisor.css", "/analytics.html", "/analytics.js",
                "/admin.html", "/admin.js", "/admin.css", "/audit.html", "/audit.js")) {
            endpoints.add(new Endpoint(HttpMethod.GET, page));
        }
        endpoints.add(new Endpoint(HttpMethod.GET, "/actuator/prometheus"));
        return endpoints;
    }

    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }
}
