package dev.baton.app.console;

import dev.baton.app.testing.InMemoryQueue;
import dev.baton.app.testing.InMemoryQueue.Socket;
import dev.baton.handoff.BusinessHours;
import dev.baton.handoff.Teams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every console on a node is shown the queue from one read, the whole of it once, then only what changed. */
class QueueBroadcastTest {

    private final InMemoryQueue node = new InMemoryQueue();
    private final QueueBroadcast broadcast = new QueueBroadcast(node.queue, node.frames, Teams.none(BusinessHours.always()));

    @AfterEach
    void close() {
        broadcast.close();
        node.close();
    }

    @Test
    void aConsoleIsShownTheWholeQueueWhenItConnectsThenOnlyWhatChanged() {
        Socket console = consoleConnectingOnceQueued("c-1");

        node.waiting("c-2");
        node.accepted("c-1");
        node.settle();

        List<JsonNode> frames = console.frames();
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).get("type").stringValue()).isEqualTo("queue");
        assertThat(frames.get(0).get("conversations").findValuesAsString("conversationId")).containsExactly("c-1");
        assertThat(frames.get(1).get("type").stringValue()).isEqualTo("queue_update");
        assertThat(frames.get(1).get("removed").valueStream().map(JsonNode::stringValue)).containsExactly("c-1");
        assertThat(frames.get(1).get("added").findValuesAsString("conversationId")).containsExactly("c-2");
        assertThat(frames.get(1).get("added").get(0).get("position").asInt()).isEqualTo(1);
        assertThat(frames.get(1).get("added").get(0).get("summary").get("customerWants").stringValue()).isEqualTo("Refunds");
        assertThat(frames.get(1).get("size").asInt()).isEqualTo(1);
    }

    @Test
    void everyConsoleIsSentTheSameFrameWrittenOnce() {
        Socket alice = new Socket(node.frames);
        Socket bruno = new Socket(node.frames);
        broadcast.joinWholeQueue(alice.outbox);
        broadcast.joinWholeQueue(bruno.outbox);

        node.waiting("c-1");
        node.settle();

        assertThat(alice.sent).hasSize(2);
        assertThat(alice.sent.get(1)).isSameAs(bruno.sent.get(1));
    }

    @Test
    void aConsoleApplyingEveryUpdateHoldsTheNodesQueue() {
        Socket console = new Socket(node.frames);
        broadcast.joinWholeQueue(console.outbox);
        for (int i = 1; i <= 6; i++) {
            node.waiting("c-" + i);
        }
        node.settle();
        node.accepted("c-1");
        node.accepted("c-4");
        node.waiting("c-7");
        node.settle();
        node.requeued("c-4");
        node.accepted("c-2");
        node.settle();
        node.accepted("c-3");
        node.accepted("c-7");
        node.waiting("c-8");
        node.settle();

        assertThat(applied(console.frames())).isEqualTo(node.stores.queue().waiting().collectList().block())
                .containsExactly("c-4", "c-5", "c-6", "c-8");
    }

    @Test
    void nothingIsSentWhenARefreshFindsTheQueueUnchanged() {
        Socket console = consoleConnectingOnceQueued("c-1");

        node.time.advanceTimeBy(Duration.ofMinutes(3));

        assertThat(console.sent).hasSize(1);
    }

    /** A console that connects once {@code id} is queued and the node has read the queue again. */
    private Socket consoleConnectingOnceQueued(String id) {
        node.waiting(id);
        node.settle();
        Socket console = new Socket(node.frames);
        broadcast.joinWholeQueue(console.outbox);
        return console;
    }

    /** The queue a console following docs/protocol.md holds after these frames, by conversation id. */
    private static List<String> applied(List<JsonNode> frames) {
        List<String> queue = new ArrayList<>();
        for (JsonNode frame : frames) {
            if (frame.get("type").stringValue().equals("queue")) {
                queue = new ArrayList<>(frame.get("conversations").findValuesAsString("conversationId"));
                continue;
            }
            Set<String> removed = new HashSet<>();
            frame.get("removed").forEach(id -> removed.add(id.stringValue()));
            queue.removeIf(removed::contains);
            for (JsonNode joined : frame.get("added")) {
                queue.add(joined.get("position").asInt() - 1, joined.get("conversationId").stringValue());
            }
            assertThat(queue).hasSize(frame.get("size").asInt());
        }
        return queue;
    }
}
