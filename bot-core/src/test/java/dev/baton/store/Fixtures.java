package dev.baton.store;

import dev.baton.conversation.AgentRef;
import dev.baton.conversation.BotDecision;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.CustomerDetail;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.HandoffSummary;
import dev.baton.conversation.IntentCandidate;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.conversation.Mood;
import dev.baton.conversation.QuickReply;
import dev.baton.conversation.Sender;
import dev.baton.handoff.LeftMessage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;

/** Domain values for store tests, with every optional field both present and absent somewhere. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-11-23T18:04:05.123456789Z");
    public static final AgentRef ALICE = new AgentRef("alice", "Alice");
    public static final AgentRef BRUNO = new AgentRef("bruno", "Bruno");

    private Fixtures() {
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static Conversation conversation(String visitorId, Instant startedAt) {
        return Conversation.start(newId("c"), visitorId, Optional.of("it"), startedAt);
    }

    public static HandoffSummary summary() {
        return new HandoffSummary("Refund for order #48213 not received",
                List.of(new IntentCandidate("refunds", "Refunds", 0.41), new IntentCandidate("returns", "Returns", 0.33)),
                HandoffReason.REPEATED_FAILURE, "it", Optional.of("no examples in this language"), Mood.FRUSTRATED,
                List.of("the same question again"),
                List.of(new CustomerDetail("order_number", "48213"), new CustomerDetail("email", "m***@example.com")),
                List.of("returns"), T0.plusSeconds(30), 1);
    }

    /** Waiting for an agent, with a summary and what the bot considered. */
    public static Conversation waiting(String visitorId, Instant startedAt) {
        return conversation(visitorId, startedAt)
                .afterBotTurn("it", false, List.of(new IntentCandidate("refunds", "Rimborsi", 0.41)), startedAt.plusSeconds(1))
                .handOff(summary(), startedAt.plusSeconds(2));
    }

    public static MessageDraft visitorSays(String text) {
        return MessageDraft.fromVisitor(text, Optional.empty());
    }

    public static MessageDraft visitorSays(String text, String clientMessageId) {
        return MessageDraft.fromVisitor(text, Optional.of(clientMessageId));
    }

    /** The bot's answer, with why it answered (every field of the decision present). */
    public static MessageDraft botAnswer() {
        return MessageDraft.botAnswer("shipping", "Shipping is free over 50 € — \"really\" / 免费",
                List.of(QuickReply.forIntent("Delivery times", "delivery_times"), new QuickReply("Talk to a person", "handoff")))
                .decidedBy(answeredShipping());
    }

    public static BotDecision answeredShipping() {
        return new BotDecision(BotDecision.Kind.ANSWER, Optional.of("shipping"), OptionalDouble.of(0.8734567),
                OptionalDouble.of(0.6123), "shipping is confident (0.87 ≥ 0.50) and clear (lead 0.61 ≥ 0.10) — \"sì\" / ✓");
    }

    /** A decision with every optional field absent. */
    public static BotDecision visitorAskedForAPerson() {
        return new BotDecision(BotDecision.Kind.HAND_OFF, Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                "the visitor asked for a person");
    }

    public static Message message(long id, String conversationId) {
        return new Message(id, conversationId, Sender.AGENT, "Ciao, sono Alice", List.of(), T0,
                Optional.of("Alice"), Optional.of("m-1"), Optional.empty(), OptionalLong.empty(), Optional.empty());
    }

    public static LeftMessage leftMessage(String text, Optional<String> contact, Instant at) {
        return new LeftMessage(newId("m"), newId("c"), "v-3f9a1c2e", text, contact, "en", at);
    }
}
