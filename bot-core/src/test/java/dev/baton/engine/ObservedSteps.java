package dev.baton.engine;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.Message;
import dev.baton.observation.BotTurn;
import dev.baton.observation.ConversationObserver;
import dev.baton.satisfaction.SatisfactionRating;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what the engine and the desk reported, as one line per step, for tests to read. */
final class ObservedSteps implements ConversationObserver {

    final List<BotTurn> turns = new CopyOnWriteArrayList<>();
    final List<String> steps = new CopyOnWriteArrayList<>();

    @Override
    public void visitorWrote(String conversationId, boolean first) {
        steps.add("visitor wrote in " + conversationId + (first ? " first" : ""));
    }

    @Override
    public void botTurn(BotTurn turn) {
        turns.add(turn);
        steps.add("bot " + BotTurn.label(turn.decision().kind()) + " in " + turn.conversationId());
    }

    @Override
    public void answerRated(String conversationId, String intent, boolean helpful) {
        steps.add("answer rated " + (helpful ? "helpful" : "not helpful") + " in " + conversationId);
    }

    @Override
    public void conversationRated(SatisfactionRating rating) {
        steps.add("conversation rated " + rating.score() + " in " + rating.conversationId());
    }

    @Override
    public void assigned(Conversation assigned, Duration waited) {
        steps.add("assigned " + assigned.id() + " after " + waited);
    }

    @Override
    public void agentReplied(Conversation conversation, Message reply) {
        steps.add("agent replied in " + conversation.id());
    }

    @Override
    public void handedBack(Conversation back) {
        steps.add("handed back " + back.id());
    }

    @Override
    public void leftQueue(Conversation back, Duration waited) {
        steps.add("left queue " + back.id() + " after " + waited);
    }

    @Override
    public void requeued(Conversation requeued) {
        steps.add("requeued " + requeued.id());
    }

    @Override
    public void resolved(Conversation resolved) {
        steps.add("resolved " + resolved.id());
    }
}
