package dev.baton.observation;

import dev.baton.conversation.BotDecision;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.Message;
import dev.baton.satisfaction.SatisfactionRating;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import java.time.Duration;

/**
 * One log line per bot turn and per move of a conversation between the bot, the queue and people, with its facts as
 * key-value pairs (fields of their own in structured logs): ids, decisions, intents, confidences and durations, and
 * never what anyone wrote or who they are — not even the agent's name.
 */
public final class ConversationLog implements ConversationObserver {

    private static final Logger log = LoggerFactory.getLogger(ConversationLog.class);

    @Override
    public void visitorWrote(String conversationId, boolean first) {
        // Every visitor message is followed by a bot turn or reaches people, which are what is worth a line.
    }

    @Override
    public void botTurn(BotTurn turn) {
        if (!log.isInfoEnabled()) {
            return;
        }
        BotDecision decision = turn.decision();
        LoggingEventBuilder line = log.atInfo()
                .addKeyValue("conversationId", turn.conversationId())
                .addKeyValue("decision", BotTurn.label(decision.kind()));
        decision.intent().ifPresent(intent -> line.addKeyValue("intent", intent));
        decision.confidence().ifPresent(confidence -> line.addKeyValue("confidence", threeDecimals(confidence)));
        decision.margin().ifPresent(margin -> line.addKeyValue("margin", threeDecimals(margin)));
        turn.handoffReason().ifPresent(reason -> line.addKeyValue("reason", BotTurn.label(reason)));
        line.addKeyValue("latencyMs", millis(turn.latencyNanos()))
                .addKeyValue("classificationMs", millis(turn.classificationNanos()))
                .log(decision.kind() == BotDecision.Kind.HAND_OFF ? "bot handed off" : "bot turn");
    }

    @Override
    public void answerRated(String conversationId, String intent, boolean helpful) {
        log.atInfo().addKeyValue("conversationId", conversationId)
                .addKeyValue("intent", intent)
                .addKeyValue("helpful", helpful)
                .log("answer rated");
    }

    /** The score, never the comment: that is the visitor's own words. */
    @Override
    public void conversationRated(SatisfactionRating rating) {
        log.atInfo().addKeyValue("conversationId", rating.conversationId())
                .addKeyValue("score", rating.score())
                .log("conversation rated");
    }

    @Override
    public void assigned(Conversation assigned, Duration waited) {
        log.atInfo().addKeyValue("conversationId", assigned.id())
                .addKeyValue("waitedMs", waited.toMillis())
                .log("conversation assigned");
    }

    @Override
    public void agentReplied(Conversation conversation, Message reply) {
        // Agents' messages are a conversation between people: the moves around it are logged, not each message.
    }

    @Override
    public void handedBack(Conversation back) {
        log.atInfo().addKeyValue("conversationId", back.id()).log("conversation handed back to the bot");
    }

    @Override
    public void leftQueue(Conversation back, Duration waited) {
        log.atInfo().addKeyValue("conversationId", back.id())
                .addKeyValue("waitedMs", waited.toMillis())
                .log("conversation left the queue");
    }

    @Override
    public void requeued(Conversation requeued) {
        log.atInfo().addKeyValue("conversationId", requeued.id()).log("conversation requeued: its agent is gone");
    }

    @Override
    public void resolved(Conversation resolved) {
        log.atInfo().addKeyValue("conversationId", resolved.id())
                .addKeyValue("durationMs", Duration.between(resolved.startedAt(), resolved.updatedAt()).toMillis())
                .log("conversation resolved");
    }

    private static double threeDecimals(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
