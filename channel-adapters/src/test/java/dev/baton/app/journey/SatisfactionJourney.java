package dev.baton.app.journey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Satisfaction over real sockets, as docs/protocol.md describes it: once an agent resolved a conversation its visitor
 * rates it, once; the agent reads the rating in the transcript. Run on one node in memory and across two on Redis.
 */
public abstract class SatisfactionJourney {

    @RegisterExtension
    protected final OpenedSockets sockets = new OpenedSockets();

    /** Where visitors connect. */
    protected abstract int visitorPort();

    /** Where agents connect: another node than visitors' when there are two. */
    protected abstract int agentPort();

    @Test
    void aVisitorRatesTheConversationAnAgentResolvedAndTheAgentReadsTheRatingInTheTranscript() {
        Resolved resolved = resolvedByAlice("it");
        assertThat(resolved.visitorSaw().get("agentName").stringValue()).as("the widget asks when an agent resolved it").isEqualTo("Alice");

        resolved.visitor().send(Map.of("type", "rate_conversation", "score", 4, "comment", "Gentile e veloce"));

        JsonNode rated = resolved.visitor().await("conversation_rated");
        assertThat(rated.get("conversationId").stringValue()).isEqualTo(resolved.conversationId());
        assertThat(rated.get("score").asInt()).isEqualTo(4);
        assertThat(rated.get("comment").stringValue()).isEqualTo("Gentile e veloce");
        JsonNode note = resolved.agent().awaitMessage("system", m -> m.get("text").stringValue().startsWith("Valutazione"));
        assertThat(note.get("text").stringValue()).isEqualTo("Valutazione 4/5: Gentile e veloce");
        resolved.agent().send(Map.of("type", "open", "conversationId", resolved.conversationId()));
        assertThat(resolved.agent().await("conversation").get("transcript").findValuesAsString("text"))
                .endsWith("Valutazione 4/5: Gentile e veloce");
    }

    @Test
    void aVisitorWhoComesBackIsAskedUntilTheyRated() {
        Resolved resolved = resolvedByAlice("en");
        ChatSocket back = sockets.visitor(visitorPort());
        back.send(Map.of("type", "hello", "visitorId", resolved.visitorId(), "conversationId", resolved.conversationId()));
        assertThat(back.await("welcome").get("rateable").asBoolean()).isTrue();

        back.send(Map.of("type", "rate_conversation", "score", 5));
        assertThat(back.await("conversation_rated").get("comment").isNull()).isTrue();
        assertThat(resolved.visitor().awaitMessage("system", m -> m.get("text").stringValue().startsWith("Rated")).get("text").stringValue())
                .isEqualTo("Rated 5/5");

        ChatSocket later = sockets.visitor(visitorPort());
        later.send(Map.of("type", "hello", "visitorId", resolved.visitorId(), "conversationId", resolved.conversationId()));
        assertThat(later.await("welcome").get("rateable").asBoolean()).isFalse();
    }

    @Test
    void aSecondRatingAnInvalidScoreAndATooLongCommentAreRefusedWithTheirCodes() {
        Resolved resolved = resolvedByAlice("en");
        ChatSocket visitor = resolved.visitor();

        assertThat(refusal(visitor, Map.of("type", "rate_conversation", "score", 0))).isEqualTo("invalid_score");
        assertThat(refusal(visitor, Map.of("type", "rate_conversation", "score", 6))).isEqualTo("invalid_score");
        assertThat(refusal(visitor, Map.of("type", "rate_conversation", "score", "5"))).isEqualTo("missing_field");
        assertThat(refusal(visitor, Map.of("type", "rate_conversation", "score", 3, "comment", "x".repeat(1001))))
                .isEqualTo("comment_too_long");
        visitor.send(Map.of("type", "rate_conversation", "score", 2));
        visitor.await("conversation_rated");
        assertThat(refusal(visitor, Map.of("type", "rate_conversation", "score", 5))).isEqualTo("already_rated");
    }

    @Test
    void aConversationWithTheBotIsNotRated() {
        ChatSocket visitor = sockets.visitor(visitorPort());
        visitor.send(Map.of("type", "hello", "visitorId", newVisitorId(), "language", "en"));
        assertThat(visitor.await("welcome").get("rateable").asBoolean()).isFalse();

        assertThat(refusal(visitor, Map.of("type", "rate_conversation", "score", 5))).isEqualTo("not_allowed");
    }

    private static String refusal(ChatSocket visitor, Map<String, ?> frame) {
        visitor.send(frame);
        return visitor.await("error").get("code").stringValue();
    }

    /**
     * A conversation Alice took from the queue and resolved, with the visitor's socket, Alice's console (which still
     * has it open) and the {@code state} frame that told the visitor it was resolved.
     */
    protected record Resolved(String conversationId, String visitorId, ChatSocket visitor, ChatSocket agent, JsonNode visitorSaw) {
    }

    protected Resolved resolvedByAlice(String language) {
        ChatSocket agent = sockets.agent(agentPort(), "alice", "alice-secret-1");
        agent.await("welcome");
        String visitorId = newVisitorId();
        ChatSocket visitor = sockets.visitor(visitorPort());
        visitor.send(Map.of("type", "hello", "visitorId", visitorId, "language", language));
        String conversationId = visitor.await("welcome").get("conversationId").stringValue();
        visitor.send(Map.of("type", "message", "text", language.equals("it") ? "voglio parlare con un operatore" : "I want to talk to a person"));
        agent.awaitQueued(conversationId);
        agent.send(Map.of("type", "accept", "conversationId", conversationId));
        agent.await("conversation", f -> f.get("conversationId").stringValue().equals(conversationId));
        agent.send(Map.of("type", "resolve", "conversationId", conversationId));
        agent.await("state", f -> f.get("conversationId").stringValue().equals(conversationId) && f.get("state").stringValue().equals("RESOLVED"));
        JsonNode resolved = visitor.await("state", f -> f.get("state").stringValue().equals("RESOLVED"));
        return new Resolved(conversationId, visitorId, visitor, agent, resolved);
    }

    private static String newVisitorId() {
        return "v-" + UUID.randomUUID().toString().replace("-", "");
    }
}
