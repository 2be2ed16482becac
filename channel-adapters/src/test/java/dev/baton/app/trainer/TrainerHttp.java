package dev.baton.app.trainer;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

/** A trainer (alice) calling the trainer API of the node on a port, as a script would: JSON in, JSON out. */
public final class TrainerHttp {

    /** Publishing trains and calibrates a model: seconds on a busy machine, more than the client's default 5. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient http;

    public TrainerHttp(int port, Duration timeout) {
        this.http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(timeout).build();
    }

    public TrainerHttp(int port) {
        this(port, TIMEOUT);
    }

    /** Asserts the status and returns the JSON answer; {@code body} null sends none. */
    public JsonNode call(String method, String path, Object body, int expectedStatus) {
        var request = http.method(HttpMethod.valueOf(method)).uri(path).headers(h -> h.setBasicAuth("alice", "alice-secret-1"));
        var exchange = body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        return JSON.readTree(exchange.expectStatus().isEqualTo(expectedStatus).expectBody().returnResult().getResponseBody());
    }
}
