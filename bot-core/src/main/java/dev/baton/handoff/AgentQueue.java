package dev.baton.handoff;

import reactor.core.publisher.Flux;

/**
 * Conversations waiting for an agent, first come first served: a read-only view. The conversation store keeps
 * the queue itself, in the same atomic step as each conversation's state (see
 * {@link dev.baton.conversation.QueueMove}): a handoff joins it at the back, a conversation whose agent vanished at
 * the front, and leaving {@code WAITING_FOR_AGENT} takes it out.
 */
public interface AgentQueue {

    /** The waiting conversations' ids, longest-waiting first. */
    Flux<String> waiting();
}
