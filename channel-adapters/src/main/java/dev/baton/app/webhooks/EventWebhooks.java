package dev.baton.app.webhooks;

import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.Message;
import dev.baton.engine.RandomIds;
import dev.baton.observation.BotTurn;
import dev.baton.observation.ConversationObserver;
import dev.baton.satisfaction.SatisfactionRating;

import java.time.Clock;
import java.time.Duration;

/**
 * Conversation events out: the steps the core reports (each once, by the node that took it, after it was stored)
 * that a CRM or ticket system follows — a conversation started, handed off, assigned, resolved, rated — become
 * {@link OutboundEvent}s for the webhooks. Since only the acting node reports a step, each event leaves the
 * installation once, whichever node took it; one whose node dies before sending it is lost (at most once).
 */
public final class EventWebhooks implements ConversationObserver {

    private final WebhookSender sender;
    private final Clock clock;
    private final boolean anyEndpoint;

    /** @param anyEndpoint whether any webhook is configured: without one, nothing is made or queued */
    EventWebhooks(WebhookSender sender, Clock clock, boolean anyEndpoint) {
        this.sender = sender;
        this.clock = clock;
        this.anyEndpoint = anyEndpoint;
    }

    @Override
    public void visitorWrote(String conversationId, boolean first) {
        if (first) {
            send(OutboundEvent.STARTED, conversationId, OutboundEvent.Data.NONE);
        }
    }

    @Override
    public void botTurn(BotTurn turn) {
        turn.handoffReason().ifPresent(reason -> send(OutboundEvent.HANDED_OFF, turn.conversationId(),
                new OutboundEvent.Data(BotTurn.label(reason), turn.decision().intent().orElse(null), null, null, null)));
    }

    @Override
    public void assigned(Conversation assigned, Duration waited) {
        send(OutboundEvent.ASSIGNED, assigned.id(), new OutboundEvent.Data(null, null,
                assigned.agent().map(AgentRef::username).orElse(null), waited.toSeconds(), null));
    }

    @Override
    public void resolved(Conversation resolved) {
        send(OutboundEvent.RESOLVED, resolved.id(), new OutboundEvent.Data(null, null,
                resolved.agent().map(AgentRef::username).orElse(null), null, null));
    }

    @Override
    public void conversationRated(SatisfactionRating rating) {
        send(OutboundEvent.RATED, rating.conversationId(), new OutboundEvent.Data(null, null, rating.agentUsername(), null,
                rating.score()));
    }

    @Override
    public void answerRated(String conversationId, String intent, boolean helpful) {
    }

    @Override
    public void agentReplied(Conversation conversation, Message reply) {
    }

    @Override
    public void handedBack(Conversation back) {
    }

    @Override
    public void leftQueue(Conversation back, Duration waited) {
    }

    @Override
    public void requeued(Conversation requeued) {
    }

    private void send(String type, String conversationId, OutboundEvent.Data data) {
        if (!anyEndpoint) {
            return;
        }
        sender.send(new OutboundEvent(RandomIds.next("e-"), type, clock.instant().toString(), conversationId, data));
    }
}
