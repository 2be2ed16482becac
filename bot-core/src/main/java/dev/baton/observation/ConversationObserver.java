package dev.baton.observation;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.Message;
import dev.baton.satisfaction.SatisfactionRating;

import java.time.Duration;
import java.util.List;

/**
 * What the engine and the agents' desk report as conversations move, for logs and metrics: the core tells its
 * observers and never knows what they do with it. Each step is reported once, by the node that took it, after it
 * was stored; an observer must return at once (it is called on the thread that stored the step, often an I/O
 * thread) and must not throw.
 */
public interface ConversationObserver {

    /**
     * A visitor's message was stored, reported once however often it was sent; {@code first} for the first message
     * of its conversation, which from then on counts as one the bot was asked in.
     */
    void visitorWrote(String conversationId, boolean first);

    /** The bot answered, asked which was meant, admitted it did not understand, or handed off. */
    void botTurn(BotTurn turn);

    /** A visitor rated one of the bot's answers, of {@code intent}: helpful or not. */
    void answerRated(String conversationId, String intent, boolean helpful);

    /** A visitor rated their satisfaction with a conversation an agent resolved. */
    void conversationRated(SatisfactionRating rating);

    /** An agent took a waiting conversation, after it had waited {@code waited} in the queue. */
    void assigned(Conversation assigned, Duration waited);

    /** An agent wrote in a conversation assigned to them. */
    void agentReplied(Conversation conversation, Message reply);

    /** An agent gave the conversation back to the bot. */
    void handedBack(Conversation back);

    /**
     * A waiting conversation left the queue for the bot, after waiting {@code waited}: the visitor stopped waiting,
     * left a message, or left.
     */
    void leftQueue(Conversation back, Duration waited);

    /** The conversation's agent vanished and it went back to the front of the queue. */
    void requeued(Conversation requeued);

    /** An agent resolved the conversation: with them, or straight from the queue. */
    void resolved(Conversation resolved);

    /** Reports to each of {@code observers}, in order. */
    static ConversationObserver all(ConversationObserver... observers) {
        List<ConversationObserver> each = List.of(observers);
        return new ConversationObserver() {
            @Override
            public void visitorWrote(String conversationId, boolean first) {
                each.forEach(o -> o.visitorWrote(conversationId, first));
            }

            @Override
            public void botTurn(BotTurn turn) {
                each.forEach(o -> o.botTurn(turn));
            }

            @Override
            public void answerRated(String conversationId, String intent, boolean helpful) {
                each.forEach(o -> o.answerRated(conversationId, intent, helpful));
            }

            @Override
            public void conversationRated(SatisfactionRating rating) {
                each.forEach(o -> o.conversationRated(rating));
            }

            @Override
            public void assigned(Conversation assigned, Duration waited) {
                each.forEach(o -> o.assigned(assigned, waited));
            }

            @Override
            public void agentReplied(Conversation conversation, Message reply) {
                each.forEach(o -> o.agentReplied(conversation, reply));
            }

            @Override
            public void handedBack(Conversation back) {
                each.forEach(o -> o.handedBack(back));
            }

            @Override
            public void leftQueue(Conversation back, Duration waited) {
                each.forEach(o -> o.leftQueue(back, waited));
            }

            @Override
            public void requeued(Conversation requeued) {
                each.forEach(o -> o.requeued(requeued));
            }

            @Override
            public void resolved(Conversation resolved) {
                each.forEach(o -> o.resolved(resolved));
            }
        };
    }
}
