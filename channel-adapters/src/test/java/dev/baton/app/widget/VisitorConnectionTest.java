package dev.baton.app.widget;

import dev.baton.app.testing.InMemoryQueue.Socket;
import dev.baton.app.wire.OutboundFrame;
import dev.baton.app.wire.OutboundFrames;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class VisitorConnectionTest {

    private static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");

    private final OutboundFrames frames = new OutboundFrames(JsonMapper.builder().build());
    private final Socket visitor = new Socket(frames);
    private final Conversation conversation = Conversation.start("c-1", "v-visitor-1", Optional.empty(), T0);
    private final VisitorConnection connection = new VisitorConnection(visitor.outbox, 3, "192.0.2.1", conversation -> Optional.empty());

    @Test
    void messagesPushedWhileTheTranscriptLoadsFollowTheWelcome() {
        connection.follow("v-visitor-1", conversation, Optional.empty(), 0);
        connection.sendMessage(frames, message(1));
        connection.sendMessage(frames, message(2));

        transcriptLoaded(List.of());

        assertThat(types()).containsExactly("state", "message", "message");
    }

    @Test
    void moreMessagesWhileLoadingThanTheConnectionKeepsAreLeftInTheStoreAndTheClientIsToldToCatchUp() {
        connection.follow("v-visitor-1", conversation, Optional.empty(), 0);
        for (long id = 1; id <= 4; id++) {
            connection.sendMessage(frames, message(id));
        }

        transcriptLoaded(List.of());
        connection.sendMessage(frames, message(5));

        assertThat(types()).as("no message that would leave a gap").containsExactly("state", "error");
        JsonNode error = visitor.frames().get(1);
        assertThat(error.get("code").stringValue()).isEqualTo("too_far_behind");
        assertThat(error.get("message").stringValue()).contains("hello", "lastSeenId");
    }

    @Test
    void aClientThatCaughtUpWithHelloGetsEveryMessageAgain() {
        connection.follow("v-visitor-1", conversation, Optional.empty(), 0);
        for (long id = 1; id <= 4; id++) {
            connection.sendMessage(frames, message(id));
        }
        transcriptLoaded(List.of());

        connection.follow("v-visitor-1", conversation, Optional.empty(), 0);
        transcriptLoaded(List.of(message(1), message(2), message(3), message(4)));
        connection.sendMessage(frames, message(5));

        assertThat(types()).containsExactly("state", "error", "state", "message");
    }

    private void transcriptLoaded(List<Message> transcript) {
        connection.sendMessagesAnd(frames, OutboundFrame.VisitorState.of(conversation, Optional.empty(), 1, Optional.empty()), transcript, Optional.empty(), 1);
    }

    private List<String> types() {
        return visitor.frames().stream().map(f -> f.get("type").stringValue()).toList();
    }

    private static Message message(long id) {
        return Message.stored(id, "c-1", MessageDraft.fromVisitor("question " + id, Optional.empty()), T0.plusSeconds(id));
    }
}
