package dev.baton.analytics;

import dev.baton.conversation.HandoffReason;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of a conversation, for the analytics: compact and anonymous (no visitor, no text; conversation ids are
 * random). Recorded when its visitor first writes ({@link #engaged}: contained so far) and again whenever people are done
 * with it ({@link #finished}): an agent resolved it, handed it back to the bot, or it left the queue for the bot.
 *
 * @param at            when this was recorded; the analytics' periods select on it
 * @param handoffReason why the bot handed the conversation to people; empty while the bot kept it to itself
 * @param agent         the username of the agent who had it last, if one did
 * @param waited        its time in the queue until an agent accepted it, if one did (as {@code baton_queue_wait_seconds}
 *                      with {@code outcome="accepted"})
 * @param firstResponse from joining the queue to its agent's first message (as {@code baton_agent_first_response_seconds})
 * @param resolution    from its start to its resolution by an agent (as {@code baton_conversation_duration_seconds})
 * @param team          the team it was last routed or transferred to; empty without teams, and in outcomes recorded
 *                      before teams existed
 */
public record ConversationOutcome(String conversationId, Instant at, Optional<HandoffReason> handoffReason,
                                  Optional<String> agent, Optional<Duration> waited, Optional<Duration> firstResponse,
                                  Optional<Duration> resolution, Optional<String> team) {

    public ConversationOutcome {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(handoffReason, "handoffReason");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(waited, "waited");
        Objects.requireNonNull(firstResponse, "firstResponse");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(team, "team");
    }

    /** The visitor wrote for the first time: the bot has it, and keeps it unless a later outcome says otherwise. */
    public static ConversationOutcome engaged(String conversationId, Instant at) {
        return new ConversationOutcome(conversationId, at, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** People are done with a conversation the bot handed to them for {@code reason}. */
    public static ConversationOutcome finished(String conversationId, Instant at, HandoffReason reason, Optional<String> agent,
                                               Optional<Duration> waited, Optional<Duration> firstResponse,
                                               Optional<Duration> resolution) {
        return new ConversationOutcome(conversationId, at, Optional.of(reason), agent, waited, firstResponse, resolution,
                Optional.empty());
    }

    /** The same outcome, of the conversations of {@code team} (the team's analytics count it). */
    public ConversationOutcome ofTeam(Optional<String> team) {
        return new ConversationOutcome(conversationId, at, handoffReason, agent, waited, firstResponse, resolution, team);
    }

    /** Whether the bot kept the conversation to itself (so far). */
    public boolean contained() {
        return handoffReason.isEmpty();
    }
}
