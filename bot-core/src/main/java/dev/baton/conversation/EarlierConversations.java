package dev.baton.conversation;

import java.util.function.Predicate;

import reactor.core.publisher.Flux;

/**
 * The conversations a customer had before a given one: the agent's summary counts them and the customer panel lists
 * them, and both must say the same. With customer links (dev.baton.customers) they are those of every visitor the
 * customer is linked to, on any channel; without, the visitor's own ({@link #ofTheVisitorIn}).
 */
@FunctionalInterface
public interface EarlierConversations {

    /** The customer's conversations that started before {@code conversation} (not it), in no particular order. */
    Flux<Conversation> before(Conversation conversation);

    /** Only the conversation's own visitor's: for a store with no customer links. */
    static EarlierConversations ofTheVisitorIn(ConversationStore conversations) {
        return conversation -> conversations.ofVisitor(conversation.visitorId()).filter(startedBefore(conversation));
    }

    /** Another conversation that did not start after {@code conversation}. */
    static Predicate<Conversation> startedBefore(Conversation conversation) {
        return other -> !other.id().equals(conversation.id()) && !other.startedAt().isAfter(conversation.startedAt());
    }
}
