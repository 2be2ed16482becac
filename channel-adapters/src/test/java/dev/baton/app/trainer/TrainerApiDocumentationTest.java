package dev.baton.app.trainer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The trainer API is documented, completely, for trainers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrainerApiDocumentationTest {

    private static final String TRAINER_API = "/api/trainer/";

    @LocalServerPort
    int port;

    @Autowired
    List<RequestMappingInfoHandlerMapping> annotatedEndpoints;

    @Autowired
    List<RouterFunctionMapping> functionalEndpoints;

    private WebTestClient http;

    @BeforeEach
    void client() {
        // The first request builds the document, scanning the class path: seconds on a busy machine.
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void onlyTrainersReadTheDocumentAndItsPage() {
        for (String url : List.of("/api/trainer/openapi", "/api/trainer/openapi.yaml", "/api/trainer/docs")) {
            http.get().uri(url).exchange().expectStatus().isUnauthorized();
            http.get().uri(url).headers(h -> h.setBasicAuth("bruno", "bruno-secret-1")).exchange().expectStatus().isForbidden();
        }
        http.get().uri("/api/trainer/openapi.yaml").headers(h -> h.setBasicAuth("alice", "alice-secret-1")).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(yaml -> assertThat(yaml).contains("title: Baton trainer API", "/api/trainer/reload:"));
        http.get().uri("/api/trainer/docs").headers(h -> h.setBasicAuth("alice", "alice-secret-1")).exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value("Location", location -> assertThat(location).contains("swagger-ui/index.html"));
    }

    @Test
    void everyTrainerEndpointIsInTheDocument() {
        JsonNode document = JsonMapper.builder().build().readTree(http.get().uri("/api/trainer/openapi")
                .headers(h -> h.setBasicAuth("alice", "alice-secret-1")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().propertyNames()
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        Set<String> served = servedTrainerEndpoints();

        assertThat(served).contains("GET /api/trainer/knowledge", "POST /api/trainer/reload");
        assertThat(documented).containsAll(served);
        assertThat(functionalEndpoints).allSatisfy(mapping -> assertThat(String.valueOf(mapping.getRouterFunction()))
                .as("a functional route under /api/trainer is not in the document: write it as a @RestController")
                .doesNotContain(TRAINER_API));
    }

    /** OpenAPI has no catch-all variable: the document names {@code {*name}} (the rest of the path) {@code {name}}. */
    private static String asDocumented(PathPattern pattern) {
        return pattern.getPatternString().replace("{*", "{");
    }

    /** Every method and path the annotated controllers serve under /api/trainer, springdoc's own left out. */
    private Set<String> servedTrainerEndpoints() {
        Set<String> served = new TreeSet<>();
        annotatedEndpoints.forEach(mapping -> mapping.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("org.springdoc")) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                if (pattern.getPatternString().startsWith(TRAINER_API)) {
                    (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                            .forEach(method -> served.add(method.name() + " " + asDocumented(pattern)));
                }
            }
        }));
        return served;
    }
}
