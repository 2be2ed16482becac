package dev.baton.app.widget;

import dev.baton.app.testing.InMemoryQueue;
import dev.baton.app.testing.InMemoryQueue.Socket;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.AgentRef;
import dev.baton.events.ConversationEvent;
import dev.baton.app.wire.OutboundFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting visitors learn where they stand from the node's one view of the queue, and only when it changed. */
class WaitingVisitorsTest {

    private final InMemoryQueue node = new InMemoryQueue();
    private final WaitingVisitors waiting = new WaitingVisitors(node.queue);

    @AfterEach
    void close() {
        waiting.close();
        node.close();
    }

    @Test
    void aWaitingVisitorIsToldTheirPlaceWhenItMovesAndNotWhenSomeoneQueuesBehind() {
        Socket first = visitorWaitingIn(node.waiting("c-1"));
        Socket second = visitorWaitingIn(node.waiting("c-2"));
        node.settle();
        assertThat(positions(first)).containsExactly(1);
        assertThat(positions(second)).containsExactly(2);

        node.waiting("c-3");
        node.settle();
        assertThat(second.sent).as("nothing changed for those ahead").hasSize(1);

        node.accepted("c-1");
        node.settle();

        assertThat(positions(second)).containsExactly(2, 1);
        assertThat(first.sent).as("taken by an agent, no longer waiting").hasSize(1);
    }

    @Test
    void aVisitorWhoLeftTheQueueIsNotToldAPlaceFromAnOlderView() {
        Conversation queued = node.waiting("c-1");
        node.settle();
        Socket visitor = new Socket(node.frames);
        VisitorConnection connection = new VisitorConnection(visitor.outbox, 500, "192.0.2.1", conversation -> Optional.empty());
        connection.follow("v-visitor-1", queued, Optional.empty(), 0);
        // the agent's accept reached the socket before the node's next view of the queue
        connection.stateChanged(queued.assign(new AgentRef("alice", "Alice"), queued.startedAt()));
        waiting.add(connection);

        node.time.advanceTimeBy(java.time.Duration.ofMinutes(2));

        assertThat(visitor.sent).isEmpty();
    }

    @Test
    void aVisitorWithTheBotIsToldOnceWhenAnAgentSignsInAndOnceWhenTheyGo() {
        Conversation withBot = node.stores.conversations()
                .create(Conversation.start("c-bot", "v-bot-visitor", Optional.of("en"), java.time.Instant.EPOCH)).block();
        Socket visitor = new Socket(node.frames);
        VisitorConnection connection = new VisitorConnection(visitor.outbox, 500, "192.0.2.1", conversation -> Optional.empty());
        connection.follow(withBot.visitorId(), withBot, Optional.empty(), 0);
        connection.sendMessagesAnd(node.frames, OutboundFrame.VisitorState.of(withBot, Optional.empty(), 0, Optional.empty()), List.of(),
                Optional.empty(), 0);
        waiting.add(connection);
        node.settle();

        agentConsole(true);
        node.settle();
        node.waiting("c-1");
        node.settle();
        agentConsole(false);
        node.settle();

        assertThat(visitor.frames()).extracting(f -> f.get("agentsOnline").asInt())
                .as("the welcome, then one frame per change").containsExactly(0, 1, 0);
        assertThat(visitor.frames().get(1).get("state").stringValue()).isEqualTo("BOT");
    }

    private void agentConsole(boolean connects) {
        (connects ? node.stores.presence().connected("alice") : node.stores.presence().disconnected("alice"))
                .then(node.events.publish(new ConversationEvent.AgentPresenceChanged("alice"))).block();
    }

    private Socket visitorWaitingIn(Conversation conversation) {
        Socket visitor = new Socket(node.frames);
        VisitorConnection connection = new VisitorConnection(visitor.outbox, 500, "192.0.2.1", shown -> Optional.empty());
        connection.follow(conversation.visitorId(), conversation, Optional.empty(), 0);
        waiting.add(connection);
        return visitor;
    }

    private static List<Integer> positions(Socket visitor) {
        return visitor.frames().stream()
                .peek(frame -> assertThat(frame.get("type").stringValue()).isEqualTo("state"))
                .map(frame -> frame.get("queue").get("position").asInt())
                .toList();
    }
}
