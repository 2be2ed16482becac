package dev.baton.engine;

import dev.baton.events.ConversationEvents;
import dev.baton.conversation.ConversationStore;
import dev.baton.handoff.AgentQueue;
import dev.baton.handoff.LeftMessages;
import dev.baton.handoff.Presence;

/**
 * The ports the engine keeps its state behind: all in memory on one node, all in Redis across many.
 *
 * @param presence        agents, by username
 * @param visitorPresence visitors, by the conversation their socket follows
 */
public record Stores(ConversationStore conversations,
                     AgentQueue queue,
                     Presence presence,
                     LeftMessages leftMessages,
                     ConversationEvents events,
                     Presence visitorPresence) {
}
