package dev.baton.events;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.Message;
import dev.baton.conversation.Sender;
import dev.baton.handoff.LeftMessage;
import dev.baton.handoff.Sighting;

/**
 * What happened to a conversation, its handoff or its visitor. The core publishes these; channels, consoles and
 * metrics subscribe — the core never calls a channel.
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
}
