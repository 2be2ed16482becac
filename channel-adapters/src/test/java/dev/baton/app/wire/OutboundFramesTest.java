package dev.baton.app.wire;

import dev.baton.conversation.BotDecision;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.conversation.QuickReply;
import dev.baton.handoff.QueueStatus;
import dev.baton.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** The frames as docs/protocol.md shows them: the type first, then the fields, written by Jackson from records. */
class OutboundFramesTest {

    private static final Instant AT = Instant.parse("2026-11-23T18:04:05.123Z");

    private final OutboundFrames frames = new OutboundFrames(JsonMapper.builder().build());

    @Test
    void aBotAnswerCarriesItsIntentAndWhyTheBotGaveIt() {
        BotDecision why = new BotDecision(BotDecision.Kind.ANSWER, Optional.of("shipping"), OptionalDouble.of(0.87349),
                OptionalDouble.of(0.61251), "shipping is confident (0.87 ≥ 0.50) and clear (lead 0.61 ≥ 0.10)");
        Message answer = Message.stored(2, "c-1", MessageDraft.botAnswer("shipping", "Free over 50 €",
                List.of(QuickReply.forIntent("Delivery times", "delivery_times"))).replyingTo(1).decidedBy(why), AT);

        assertThat(frames.write(OutboundFrame.MessageFrame.of(answer))).isEqualTo("""
                {"type":"message","conversationId":"c-1","message":{"id":2,"from":"bot","text":"Free over 50 €",\
                "quickReplies":[{"label":"Delivery times","payload":"intent:delivery_times"}],\
                "at":"2026-11-23T18:04:05.123Z","agentName":null,"clientMessageId":null,"replyTo":1,"intent":"shipping",\
                "decision":{"kind":"answer","intent":"shipping","confidence":0.873,"margin":0.613,\
                "reason":"shipping is confident (0.87 ≥ 0.50) and clear (lead 0.61 ≥ 0.10)"}}}""");
    }

    @Test
    void aDecisionWithNothingClassifiedHasNullNumbersAndAVisitorsMessageHasNoDecision() {
        BotDecision asked = new BotDecision(BotDecision.Kind.HAND_OFF, Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), "the visitor asked for a person");
        Message handingOff = Message.stored(4, "c-1", MessageDraft.fromBot("A person will be with you", List.of()).decidedBy(asked), AT);
        Message question = Message.stored(3, "c-1", MessageDraft.fromVisitor("a person please", Optional.of("m3")), AT);

        assertThat(frames.write(OutboundFrame.MessageFrame.of(handingOff))).contains(
                "\"intent\":null,\"decision\":{\"kind\":\"hand_off\",\"intent\":null,\"confidence\":null,\"margin\":null,"
                        + "\"reason\":\"the visitor asked for a person\"}");
        assertThat(frames.write(OutboundFrame.MessageFrame.of(question)))
                .contains("\"from\":\"visitor\"", "\"clientMessageId\":\"m3\"", "\"intent\":null,\"decision\":null");
    }

    @Test
    void framesWithoutFieldsAreJustTheirType() {
        assertThat(frames.write(new OutboundFrame.Pong())).isEqualTo("{\"type\":\"pong\"}");
        assertThat(frames.write(new OutboundFrame.Reconnect())).isEqualTo("{\"type\":\"reconnect\"}");
    }

    @Test
    void anErrorNamesOnlyWhatItConcerns() {
        assertThat(frames.write(frames.error(new ProtocolException("missing_field", "\"text\" is required"), Optional.empty())))
                .isEqualTo("{\"type\":\"error\",\"code\":\"missing_field\",\"message\":\"\\\"text\\\" is required\"}");
        assertThat(frames.write(frames.busy(Duration.ofMillis(250), Optional.of("c-1"), Optional.of("m7"))))
                .isEqualTo("{\"type\":\"error\",\"code\":\"busy\",\"message\":\"too many messages at once; nothing was stored;"
                        + " send it again in a moment\",\"conversationId\":\"c-1\",\"retryAfterMs\":250,\"clientMessageId\":\"m7\"}");
    }

    @Test
    void aStoreThatCannotBeReachedIsReportedAsUnavailableSoThatTheClientRetries() {
        StoreUnavailableException failure = new StoreUnavailableException("Redis failed: Connection refused",
                new IOException("Connection refused"));

        OutboundFrame.Error frame = frames.error(failure, Optional.of("c-1"));

        assertThat(frame.code()).isEqualTo("unavailable");
        assertThat(frame.conversationId()).isEqualTo("c-1");
        assertThat(frame.message()).as("no internals shown to visitors")
                .contains("try again").doesNotContain("Redis").doesNotContain("refused");
    }

    @Test
    void aWaitingVisitorIsToldNoEstimateWhileNobodyIsOnline() {
        Conversation waiting = Conversation.start("c-1", "v-3f9a1c2e", Optional.empty(), AT);

        assertThat(frames.write(OutboundFrame.VisitorState.of(waiting, Optional.of(new QueueStatus(2, 180, 0)), 0, Optional.empty())))
                .isEqualTo("{\"type\":\"state\",\"conversationId\":\"c-1\",\"state\":\"BOT\",\"queue\":{\"position\":2,"
                        + "\"estimatedWaitSeconds\":null,\"agentsOnline\":0},\"agentName\":null,\"agentsOnline\":0,\"closedUntil\":null}");
        assertThat(frames.write(OutboundFrame.VisitorState.of(waiting, Optional.empty(), 3, Optional.empty()))).contains("\"queue\":null");
        // Out of hours the visitor learns when people are back, with the team's offset: the widget shows it in local time.
        assertThat(frames.write(OutboundFrame.VisitorState.of(waiting, Optional.empty(), 0,
                Optional.of(java.time.ZonedDateTime.parse("2026-11-24T09:00+01:00[Europe/Rome]")))))
                .contains("\"closedUntil\":\"2026-11-24T09:00+01:00\"");
    }
}
