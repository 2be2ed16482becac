package dev.baton.conversation;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Where conversations and their transcripts live: in memory on one node, in Redis across many. */
public interface ConversationStore {

    /** Stores a new conversation; errors if the id is taken. */
    Mono<Conversation> create(Conversation conversation);

    /** The conversation; empty when the id is unknown. */
    Mono<Conversation> find(String conversationId);

    /**
     * Applies {@code change} atomically: concurrent updates of one conversation never lose each other, and a
     * change that throws (e.g. an illegal transition) leaves the stored value as it was and errors the Mono.
     * Empty when the id is unknown.
     *
     * <p>The agents' queue changes in the same atomic step, as {@link QueueMove#of} derives from the transition:
     * entering {@code WAITING_FOR_AGENT} joins it (at the front when coming back from an agent), leaving takes the
     * conversation out. So when two agents race to {@code assign} a waiting conversation, exactly one wins and the
     * other's change sees it already taken; and an update that fails changes neither state nor queue.
     * {@link #create} queues a conversation created waiting.
     */
    Mono<Conversation> update(String conversationId, UnaryOperator<Conversation> change);

    /**
     * {@link #update}, refused with {@link AtCapacityException} when the change gives the conversation to an agent
     * (in {@code WITH_AGENT}) who already has {@code capacity} conversations with them, not counting this one. The
     * count and the write are one atomic step: agents racing on any number of nodes never push one agent over.
     * A change that keeps the conversation with the agent who has it is never refused.
     */
    Mono<Conversation> updateWithinCapacity(String conversationId, UnaryOperator<Conversation> change, int capacity);

    /** How many conversations the agent is talking in now: what {@link #updateWithinCapacity} counts. */
    Mono<Integer> countWithAgent(String agentUsername);

    /**
     * Appends to the transcript, giving the message the next id of its conversation. A draft whose
     * {@code clientMessageId} was already stored in that conversation is not stored again: the earlier
     * message is returned, not {@link Appended#fresh() fresh}, so a retried send appears once and the caller
     * learns it in the same step. Empty when the conversation is unknown.
     *
     * <p>A draft that {@linkplain MessageDraft#replyTo() answers} a visitor's message is stored only if that message
     * has no answer yet; otherwise the earlier answer is returned, not fresh. Storing the answer takes the message
     * off the {@linkplain #claimUnanswered unanswered} ones. A retried visitor message is returned with its
     * {@linkplain Appended#reply() answer}, if it has one.
     *
     * <p>A fresh message is announced as a {@link dev.baton.events.ConversationEvent.MessageAdded} on the
     * installation's {@link dev.baton.events.ConversationEvents} in the same step as it is stored: no node can store
     * a message and stop before telling the others.
     */
    Mono<Appended> appendOnce(String conversationId, MessageDraft draft);

    /** {@link #appendOnce}, for callers that treat a retried send like a new one. */
    default Mono<Message> append(String conversationId, MessageDraft draft) {
        return appendOnce(conversationId, draft).map(Appended::message);
    }

    /**
     * {@link #appendOnce} for a visitor writing in their own conversation: the message is stored only if the
     * conversation is the visitor's and not resolved, and the conversation is returned as it stood when the message
     * was appended; if it was with the bot then, a fresh message is recorded as {@linkplain #claimUnanswered
     * unanswered} in the same step, until an answer to it is stored. Empty when the conversation is unknown or not
     * the visitor's; errors with {@link IllegalTransitionException} when it is resolved.
     */
    Mono<AppendedTo> appendAsVisitor(String conversationId, String visitorId, MessageDraft draft);

    /**
     * {@link #update} and then, if it succeeded, {@link #appendOnce}: what a bot turn does. A store may do both in
     * one step (the Redis store does). Empty when the conversation is unknown; a change that throws appends nothing.
     * When the draft answers a message that already has an answer, neither happens: the change is not applied (a
     * bot turn is not recorded twice), and the conversation as it stands and the earlier answer are returned.
     */
    Mono<AppendedTo> updateAndAppend(String conversationId, UnaryOperator<Conversation> change, MessageDraft draft);

    /**
     * Up to {@code limit} visitor messages stored before {@code storedBefore} in a conversation with the bot and
     * still without an answer, oldest first. Each one returned is claimed: not returned again (to this node or any
     * other) until {@code storedBefore}'s distance from now has passed once more, so that nodes sweeping at once
     * share the work and a failed attempt is retried later. A message stays unanswered until its answer is stored
     * or it is {@linkplain #forgetUnanswered forgotten}.
     */
    Flux<UnansweredMessage> claimUnanswered(Instant storedBefore, int limit);

    /** The bot will not answer this message (its conversation left the bot, or is gone): stop offering it. */
    Mono<Void> forgetUnanswered(UnansweredMessage message);

    /** The transcript after message {@code afterId} (0 for all), in order. */
    Flux<Message> transcript(String conversationId, long afterId);

    /** This visitor's conversations, oldest first. */
    Flux<Conversation> ofVisitor(String visitorId);

    /** The conversations an agent is talking in now. */
    Flux<Conversation> withAgent(String agentUsername);

    /**
     * Forgets the conversation and everything stored of it — transcript, client message ids, answers, its place in
     * the visitor's history, in the queue, among its agent's conversations and among the unanswered messages — in one
     * step, whatever its state (a visitor's right to erasure). Emits how many messages its transcript held; empty
     * when the id is unknown.
     */
    Mono<Integer> erase(String conversationId);

    /**
     * The conversations with a message whose text {@code matches}, in no particular order: how an administrator finds
     * a visitor by the email or phone number they wrote. Reads every transcript the store holds, so it is meant for
     * rare requests, never for a visitor's turn.
     */
    Flux<Conversation> withMessageMatching(Predicate<String> matches);

    /**
     * Finds and repairs any disagreement between the queue and the conversations' states — queued ids whose
     * conversation is gone or no longer waiting, waiting conversations in no queue (e.g. left by an older version
     * that changed them in two steps) — each repair atomic with respect to concurrent updates. Emits what it
     * repaired; may read every conversation, so it is meant for start-up and an occasional check.
     */
    Flux<QueueRepair> repairQueue();
}
