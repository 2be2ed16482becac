package dev.baton.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A visitor's conversation and who owns it. Immutable: every transition returns a new value, so a store can
 * apply it with compare-and-set and two agents can never both win the same conversation.
 *
 * <p>{@code BOT → WAITING_FOR_AGENT → WITH_AGENT → RESOLVED}, plus {@code WITH_AGENT → BOT} (hand back) and
 * {@code WAITING_FOR_AGENT → BOT} (the visitor stops waiting or leaves a message) and {@code WITH_AGENT →
 * WAITING_FOR_AGENT} (the agent vanished), and {@code WITH_AGENT → WITH_AGENT} with another agent (transfer), and {@code WITH_AGENT → WAITING_FOR_AGENT} with another
 * team (transfer to a team). Illegal moves throw
 * {@link IllegalTransitionException}.
 *
 * @param consecutiveFailures messages in a row the bot could not answer; reset by any answer
 * @param considered          the intents the bot weighed for the visitor's latest request, best first
 * @param handoff             the summary written when the conversation was last handed to people
 * @param team                the team it was last routed or transferred to; empty without teams (see
 *                            {@link dev.baton.handoff.Teams})
 */
public record Conversation(String id,
                           String visitorId,
                           ConversationState state,
                           Optional<String> language,
                           int consecutiveFailures,
                           List<IntentCandidate> considered,
                           Optional<HandoffSummary> handoff,
                           Optional<AgentRef> agent,
                           Optional<String> team,
                           Instant startedAt,
                           Instant updatedAt) {

    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(visitorId, "visitorId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(team, "team");
        considered = List.copyOf(considered);
    }

    public static Conversation start(String id, String visitorId, Optional<String> language, Instant now) {
        return new Conversation(id, visitorId, ConversationState.BOT, language, 0, List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), now, now);
    }

    public boolean botMaySpeak() {
        return state == ConversationState.BOT;
    }

    /**
     * Whether this visitor may write here: false when the conversation is someone else's; throws
     * {@link IllegalTransitionException} when it is theirs but resolved.
     */
    public boolean acceptsMessagesFrom(String visitor) {
        if (!visitorId.equals(visitor)) {
            return false;
        }
        if (state == ConversationState.RESOLVED) {
            throw new IllegalTransitionException(id, state, "write in");
        }
        return true;
    }

    /** To the queue, with no team (there are none). */
    public Conversation handOff(HandoffSummary summary, Instant now) {
        return handOff(summary, Optional.empty(), now);
    }

    /** To the queue of {@code team} (empty without teams), chosen in this same step. */
    public Conversation handOff(HandoffSummary summary, Optional<String> team, Instant now) {
        require(ConversationState.BOT, "hand off");
        return new Conversation(id, visitorId, ConversationState.WAITING_FOR_AGENT, language, 0,
                considered, Optional.of(summary), Optional.empty(), team, startedAt, now);
    }

    public Conversation assign(AgentRef agent, Instant now) {
        require(ConversationState.WAITING_FOR_AGENT, "assign");
        return new Conversation(id, visitorId, ConversationState.WITH_AGENT, language, 0,
                considered, handoff, Optional.of(agent), team, startedAt, now);
    }

    /** Another agent takes over: still with an agent, now {@code to}; refused unless with an agent other than them. */
    public Conversation transfer(AgentRef to, Instant now) {
        require(ConversationState.WITH_AGENT, "transfer");
        if (isAssignedTo(to.username())) {
            throw new IllegalTransitionException(id, state, "transfer to the agent who has it");
        }
        return new Conversation(id, visitorId, ConversationState.WITH_AGENT, language, 0,
                considered, handoff, Optional.of(to), team, startedAt, now);
    }

    /**
     * The agent passes the conversation to another team: back to the queue, that team's now, at the front (see
     * {@link QueueMove#of}: the visitor already waited once, and is still being helped), keeping the summary.
     */
    public Conversation transferToTeam(String toTeam, Instant now) {
        require(ConversationState.WITH_AGENT, "transfer to a team");
        return new Conversation(id, visitorId, ConversationState.WAITING_FOR_AGENT, language, 0,
                considered, handoff, Optional.empty(), Optional.of(toTeam), startedAt, now);
    }

    /** The agent is gone (their console vanished): back to the queue, keeping the summary. */
    public Conversation requeue(Instant now) {
        require(ConversationState.WITH_AGENT, "requeue");
        return new Conversation(id, visitorId, ConversationState.WAITING_FOR_AGENT, language, 0,
                considered, handoff, Optional.empty(), team, startedAt, now);
    }

    /** The visitor stops waiting (or leaves): back to the bot, refused once an agent has taken it. */
    public Conversation stopWaiting(Instant now) {
        require(ConversationState.WAITING_FOR_AGENT, "stop waiting in");
        return returnToBot(now);
    }

    public Conversation returnToBot(Instant now) {
        if (state != ConversationState.WITH_AGENT && state != ConversationState.WAITING_FOR_AGENT) {
            throw new IllegalTransitionException(id, state, "return to the bot");
        }
        return new Conversation(id, visitorId, ConversationState.BOT, language, 0,
                considered, handoff, Optional.empty(), team, startedAt, now);
    }

    public Conversation resolve(Instant now) {
        if (state == ConversationState.RESOLVED) {
            throw new IllegalTransitionException(id, state, "resolve");
        }
        return new Conversation(id, visitorId, ConversationState.RESOLVED, language, 0,
                considered, handoff, agent, team, startedAt, now);
    }

    /**
     * Remembers the visitor's language, what the bot considered and whether it answered the message;
     * an empty {@code considered} keeps the previous candidates (e.g. after "I want a person").
     */
    public Conversation afterBotTurn(String language, boolean answered, List<IntentCandidate> considered, Instant now) {
        require(ConversationState.BOT, "record a bot turn in");
        return new Conversation(id, visitorId, state, Optional.of(language),
                answered ? 0 : consecutiveFailures + 1,
                considered.isEmpty() ? this.considered : considered, handoff, agent, team, startedAt, now);
    }

    public boolean isAssignedTo(String agentUsername) {
        return state == ConversationState.WITH_AGENT
                && agent.map(a -> a.username().equals(agentUsername)).orElse(false);
    }

    private void require(ConversationState expected, String action) {
        if (state != expected) {
            throw new IllegalTransitionException(id, state, action);
        }
    }
}
