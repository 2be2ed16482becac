package dev.baton.app.trainer;

import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trainers' inbox fills from real conversations over the visitor socket: messages the bot did not understand and
 * answers visitors marked unhelpful, personal data redacted, near-duplicates grouped; visitors rate answers once each
 * and a thumbs down offers them a person; trainers read helpfulness per intent.
 */
// A setting of its own gives this class a node of its own: it publishes a new version, which other test classes
// sharing a node would answer from.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "baton.inbox.max-wordings=999")
class TrainerInboxJourneyTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    private WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void notUnderstoodMessagesAndAThumbsDownLandInTheInboxRedactedAndGrouped() {
        String first = say("v-inbox-visitor-1", "en", "Blorfy zingwort quaxel? mario.rossi@example.com");
        String second = say("v-inbox-visitor-2", "en", "QUAXEL zingwort, blorfy!! luigi.verdi@example.org");
        ChatSocket rater = visitor("v-inbox-visitor-3", "en");
        rater.send(Map.of("type", "message", "text", "What are your opening hours?"));
        JsonNode answer = rater.awaitMessage("bot");
        assertThat(answer.get("intent").stringValue()).isEqualTo("opening_hours");

        rater.send(Map.of("type", "feedback", "messageId", answer.get("id").asLong(), "helpful", false));

        JsonNode received = rater.await("feedback");
        assertThat(received.get("messageId").asLong()).isEqualTo(answer.get("id").asLong());
        assertThat(received.get("helpful").asBoolean()).isFalse();
        JsonNode offer = rater.awaitMessage("bot", m -> m.get("id").asLong() > answer.get("id").asLong());
        assertThat(offer.get("text").stringValue()).isEqualTo("Sorry that didn't help. Would you like to talk to a person?");
        assertThat(offer.get("quickReplies").get(0).get("payload").stringValue()).isEqualTo("handoff");
        assertThat(offer.get("quickReplies").get(0).get("label").stringValue()).isEqualTo("Talk to a person");

        JsonNode gibberish = awaitGroup("", g -> g.get("text").stringValue().contains("zingwort") && g.get("count").asInt() == 2);
        assertThat(gibberish.get("language").stringValue()).isEqualTo("en");
        assertThat(gibberish.get("text").stringValue()).contains("@example").doesNotContain("mario.rossi", "luigi.verdi");
        assertThat(texts(gibberish.get("conversationIds"))).containsExactlyInAnyOrder(first, second);
        assertThat(gibberish.get("guesses").size()).isBetween(1, 3);
        assertThat(gibberish.get("firstSeen").stringValue()).isNotBlank();
        JsonNode unhelpful = awaitGroup("", g -> g.get("text").stringValue().equals("What are your opening hours?"));
        assertThat(unhelpful.get("text").stringValue()).isEqualTo("What are your opening hours?");
        assertThat(unhelpful.get("reasons").get("unhelpful").asInt()).isEqualTo(1);
        assertThat(unhelpful.get("guesses").get(0).get("intent").stringValue()).isEqualTo("opening_hours");

        asTrainer(http.post().uri("/api/trainer/inbox/{id}/dismiss", gibberish.get("id").stringValue()))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.dismissed.count").isEqualTo(2);
        assertThat(awaitGroup("?language=en", g -> g.get("text").stringValue().equals("What are your opening hours?"))).isNotNull();
        assertThat(groups("?language=en")).noneMatch(g -> g.get("text").stringValue().contains("zingwort"));
        assertThat(groups("?language=it")).noneMatch(g -> g.get("language").stringValue().equals("en"));
        asTrainer(http.post().uri("/api/trainer/inbox/{id}/dismiss", gibberish.get("id").stringValue()))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("unknown_group");

        asTrainer(http.get().uri("/api/trainer/helpfulness")).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.intents[?(@.intent == 'opening_hours')].down").isEqualTo(1)
                .jsonPath("$.intents[?(@.intent == 'opening_hours')].up").isEqualTo(0)
                .jsonPath("$.intents[?(@.intent == 'opening_hours')].helpfulShare").isEqualTo(0.0);
    }

    @Test
    void anItalianVisitorWhoFoundAnAnswerUnhelpfulIsOfferedAPersonInItalianAndGetsOne() {
        ChatSocket visitor = visitor("v-inbox-italian-1", "it");
        visitor.send(Map.of("type", "message", "text", "Quanto costa la spedizione?"));
        JsonNode answer = visitor.awaitMessage("bot");

        visitor.send(Map.of("type", "feedback", "messageId", answer.get("id").asLong(), "helpful", false));

        JsonNode offer = visitor.awaitMessage("bot", m -> m.get("id").asLong() > answer.get("id").asLong());
        assertThat(offer.get("text").stringValue()).startsWith("Mi dispiace che non ti sia stato utile");
        JsonNode button = offer.get("quickReplies").get(0);
        assertThat(button.get("label").stringValue()).isEqualTo("Parla con una persona");
        visitor.send(Map.of("type", "message", "text", button.get("label").stringValue(), "payload", button.get("payload").stringValue()));
        assertThat(visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"))).isNotNull();
    }

    @Test
    void onlyTheBotsAnswersOfThisConversationCanBeRatedAndEachOnce() {
        ChatSocket visitor = visitor("v-inbox-rater-1", "en");
        visitor.send(Map.of("type", "message", "text", "How much is shipping?"));
        JsonNode question = visitor.awaitMessage("visitor");
        JsonNode answer = visitor.awaitMessage("bot");
        String intent = answer.get("intent").stringValue();
        long[] before = helpfulness(intent);

        visitor.send(Map.of("type", "feedback", "messageId", answer.get("id").asLong(), "helpful", true));
        assertThat(visitor.await("feedback").get("helpful").asBoolean()).isTrue();

        visitor.send(Map.of("type", "feedback", "messageId", answer.get("id").asLong(), "helpful", false));
        assertThat(error(visitor, "already_rated")).contains("rated already");
        visitor.send(Map.of("type", "feedback", "messageId", question.get("id").asLong(), "helpful", true));
        assertThat(error(visitor, "not_an_answer")).contains("not an answer");
        visitor.send(Map.of("type", "feedback", "messageId", 999, "helpful", true));
        assertThat(error(visitor, "unknown_message")).contains("999");
        visitor.send(Map.of("type", "feedback", "messageId", "two", "helpful", true));
        assertThat(error(visitor, "missing_field")).contains("messageId");
        visitor.send(Map.of("type", "feedback", "messageId", answer.get("id").asLong(), "helpful", "yes"));
        assertThat(error(visitor, "missing_field")).contains("helpful");

        ChatSocket stranger = visitor("v-inbox-stranger-1", "en");
        stranger.send(Map.of("type", "feedback", "messageId", answer.get("id").asLong(), "helpful", false));
        assertThat(error(stranger, "unknown_message")).isNotBlank();
        assertThat(helpfulness(intent)).as("one rating up, none down, however often the answer was rated")
                .containsExactly(before[0] + 1, before[1]);
    }

    /** The intent's helpful and unhelpful ratings so far (other tests rate answers too). */
    private long[] helpfulness(String intent) {
        byte[] body = asTrainer(http.get().uri("/api/trainer/helpfulness")).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        for (JsonNode each : JSON.readTree(body).get("intents")) {
            if (each.get("intent").stringValue().equals(intent)) {
                return new long[]{each.get("up").asLong(), each.get("down").asLong()};
            }
        }
        return new long[]{0, 0};
    }

    @Test
    void theInboxIsForTrainersAndRefusesABadRequestWithEveryProblem() {
        http.get().uri("/api/trainer/inbox").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/trainer/inbox").headers(h -> h.setBasicAuth("bruno", "bruno-secret-1")).exchange().expectStatus().isForbidden();
        http.post().uri("/api/trainer/inbox/w-1/dismiss").headers(h -> h.setBasicAuth("bruno", "bruno-secret-1"))
                .exchange().expectStatus().isForbidden();

        asTrainer(http.get().uri("/api/trainer/inbox?language=English&limit=0")).exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error").isEqualTo("bad_request")
                .jsonPath("$.problems[0].field").isEqualTo("language")
                .jsonPath("$.problems[1].field").isEqualTo("limit");
    }

    @Test
    void aMessageTheBotDidNotUnderstandTeachesItOnceTheTrainerAddsItToAnIntentAndPublishes() {
        String question = "Snorkwib flendish plomp?";
        JsonNode group = inboxGroupOfAMessageTheBotDidNotUnderstand("v-inbox-teacher-1", question);

        asTrainer(http.post().uri("/api/trainer/inbox/{id}/add-to-intent", group.get("id").stringValue()))
                .bodyValue(Map.of("intent", "opening_hours")).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.handled.text").isEqualTo(question)
                .jsonPath("$.draft.changes.changed[0].intent").isEqualTo("opening_hours")
                .jsonPath("$.draft.publishable").isEqualTo(true);
        assertThat(groups("?language=en")).noneMatch(g -> g.get("text").stringValue().equals(question));
        asTrainer(http.post().uri("/api/trainer/draft/publish")).bodyValue(Map.of("note", "taught from the inbox"))
                .exchange().expectStatus().isOk();

        ChatSocket next = visitor("v-inbox-learner-1", "en");
        next.send(Map.of("type", "message", "text", question));
        JsonNode answer = next.awaitMessage("bot");
        assertThat(answer.get("decision").get("kind").stringValue()).isEqualTo("answer");
        assertThat(answer.get("intent").stringValue()).isEqualTo("opening_hours");
    }

    @Test
    void aGroupStartsANewIntentInTheDraftButNeverOneThatExists() {
        String question = "Gribble wonkfast trindle";
        JsonNode group = inboxGroupOfAMessageTheBotDidNotUnderstand("v-inbox-founder-1", question);

        asTrainer(http.post().uri("/api/trainer/inbox/{id}/new-intent", group.get("id").stringValue()))
                .bodyValue(Map.of("id", "opening_hours")).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error").isEqualTo("intent_exists").jsonPath("$.problems[0].field").isEqualTo("id");
        asTrainer(http.post().uri("/api/trainer/inbox/{id}/add-to-intent", group.get("id").stringValue()))
                .bodyValue(Map.of("intent", " ", "language", "Italian")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.problems[0].field").isEqualTo("intent").jsonPath("$.problems[1].field").isEqualTo("language");

        asTrainer(http.post().uri("/api/trainer/inbox/{id}/new-intent", group.get("id").stringValue()))
                .bodyValue(Map.of("id", "pottery_classes")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.handled.text").isEqualTo(question);
        asTrainer(http.get().uri("/api/trainer/intents/pottery_classes")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.examples.en[0]").isEqualTo(question);
        asTrainer(http.post().uri("/api/trainer/inbox/{id}/new-intent", group.get("id").stringValue()))
                .bodyValue(Map.of("id", "pottery_lessons")).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("unknown_group");
        asTrainer(http.delete().uri("/api/trainer/draft")).exchange().expectStatus().isOk();
    }

    private JsonNode inboxGroupOfAMessageTheBotDidNotUnderstand(String visitorId, String question) {
        say(visitorId, "en", question);
        return awaitGroup("?language=en", g -> g.get("text").stringValue().equals(question));
    }

    private String say(String visitorId, String language, String text) {
        ChatSocket visitor = visitor(visitorId, language);
        visitor.send(Map.of("type", "message", "text", text));
        JsonNode reply = visitor.awaitMessage("bot");
        assertThat(reply.get("decision").get("kind").stringValue()).as("the bot should not understand %s", text)
                .isIn("not_understood", "clarify");
        return visitor.frames().get(0).get("conversationId").stringValue();
    }

    private ChatSocket visitor(String visitorId, String language) {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", visitorId, "language", language));
        visitor.await("welcome");
        return visitor;
    }

    private static String error(ChatSocket socket, String code) {
        return socket.await("error", f -> f.get("code").stringValue().equals(code)).get("message").stringValue();
    }

    private <S extends WebTestClient.RequestHeadersSpec<?>> S asTrainer(S request) {
        request.headers(h -> h.setBasicAuth("alice", "alice-secret-1"));
        return request;
    }

    /** Messages reach the inbox just after the turn that answered them: the group may take a moment to show. */
    private JsonNode awaitGroup(String query, Predicate<JsonNode> matching) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> groups(query).stream().filter(matching).findFirst(), Optional::isPresent).orElseThrow();
    }

    private List<JsonNode> groups(String query) {
        byte[] body = asTrainer(http.get().uri("/api/trainer/inbox" + query)).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        List<JsonNode> groups = new ArrayList<>();
        JSON.readTree(body).get("groups").forEach(groups::add);
        return groups;
    }

    private static List<String> texts(JsonNode array) {
        List<String> each = new ArrayList<>();
        array.forEach(n -> each.add(n.stringValue()));
        return each;
    }
}
