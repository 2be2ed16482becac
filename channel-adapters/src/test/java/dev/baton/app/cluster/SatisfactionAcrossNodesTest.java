package dev.baton.app.cluster;

import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.SatisfactionJourney;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Satisfaction on Redis, visitors on one node and agents on the other; a conversation is rated once across both. */
class SatisfactionAcrossNodesTest extends SatisfactionJourney {

    @RegisterExtension
    static final BatonNodes cluster = new BatonNodes();

    private static BatonNodes.Node nodeA;
    private static BatonNodes.Node nodeB;

    @BeforeAll
    static void startTwoNodes() {
        nodeA = cluster.start();
        nodeB = cluster.start();
    }

    @Override
    protected int visitorPort() {
        return nodeA.port();
    }

    @Override
    protected int agentPort() {
        return nodeB.port();
    }

    @Test
    void twoTabsOfTheVisitorOnTwoNodesRatingAtOnceKeepOneRating() {
        Resolved resolved = resolvedByAlice("en");
        ChatSocket otherTab = sockets.visitor(nodeB.port());
        otherTab.send(Map.of("type", "hello", "visitorId", resolved.visitorId(), "conversationId", resolved.conversationId()));
        otherTab.await("welcome");

        resolved.visitor().send(Map.of("type", "rate_conversation", "score", 1));
        otherTab.send(Map.of("type", "rate_conversation", "score", 5));

        List<String> answers = List.of(resolved.visitor(), otherTab).stream()
                .map(tab -> tab.await("*", f -> List.of("conversation_rated", "error").contains(f.get("type").stringValue())))
                .map(f -> f.get("type").stringValue().equals("error") ? f.get("code").stringValue() : f.get("type").stringValue())
                .toList();
        assertThat(answers).containsExactlyInAnyOrder("conversation_rated", "already_rated");
        resolved.agent().send(Map.of("type", "open", "conversationId", resolved.conversationId()));
        assertThat(resolved.agent().await("conversation").get("transcript").findValuesAsString("text")
                .stream().filter(text -> text.startsWith("Rated"))).hasSize(1);
    }
}
