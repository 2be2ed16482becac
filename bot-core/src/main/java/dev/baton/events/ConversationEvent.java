package dev.baton.events;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.Message;
import dev.baton.conversation.Sender;
import dev.baton.handoff.LeftMessage;
import dev.baton.handoff.Sighting;

/**
 * What happened to a conversation, its handoff or its visitor, or to the agents who can come. The core publishes
 * these; channels, consoles and metrics subscribe — the core never calls a channel.
 */
public sealed interface ConversationEvent {

    String conversationId();

    /** A message was added to the transcript. */
    record MessageAdded(String conversationId, Message message) implements ConversationEvent {
    }

    /** The conversation changed owner or state (handed off, assigned, handed back, resolved). */
    record StateChanged(String conversationId, Conversation conversation) implements ConversationEvent {
    }

    /** Someone is typing. */
    record Typing(String conversationId, Sender who) implements ConversationEvent {
    }

    /** A visitor left a message for the agents. */
    record MessageLeft(String conversationId, LeftMessage leftMessage) implements ConversationEvent {
    }

    /** The waiting queue changed: positions and estimates must be refreshed. */
    record QueueChanged(String conversationId) implements ConversationEvent {
    }

    /**
     * The visitor of a conversation with people (waiting or with an agent) came online or went: their last socket
     * following it closed, or one opened again.
     */
    record VisitorPresenceChanged(String conversationId, Sighting visitor) implements ConversationEvent {
    }

    /**
     * An agent's console connected or went away, so the number of agents online may have changed. It concerns no one
     * conversation: its {@link #conversationId()} is empty. Each node reads the count once and tells its visitors.
     */
    record AgentPresenceChanged(String agentUsername) implements ConversationEvent {
        @Override
        public String conversationId() {
            return "";
        }
    }

    /**
     * Baton gave a waiting conversation to an agent of a team that assigns automatically: their consoles open it (a
     * {@link StateChanged} follows too, as for any assignment).
     */
    record AutoAssigned(String conversationId, String agentUsername) implements ConversationEvent {
    }

    /** The agent signed out: their consoles, on every node, must close. Its {@link #conversationId()} is empty. */
    record AgentSignedOut(String agentUsername) implements ConversationEvent {
        @Override
        public String conversationId() {
            return "";
        }
    }
}
