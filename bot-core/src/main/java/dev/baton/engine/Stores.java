package dev.baton.engine;

import dev.baton.conversation.ConversationEvents;
import dev.baton.conversation.ConversationStore;
import dev.baton.handoff.AgentPresence;
import dev.baton.handoff.AgentQueue;
import dev.baton.handoff.LeftMessages;

/** The ports the engine keeps its state behind: all in memory on one node, all in Redis across many. */
public record Stores(ConversationStore conversations,
                     AgentQueue queue,
                     AgentPresence presence,
                     LeftMessages leftMessages,
                     ConversationEvents events) {
}
