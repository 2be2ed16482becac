package dev.baton.engine;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.Message;
import reactor.core.publisher.Mono;

/**
 * What a channel does once a visitor's message is stored and before the bot answers it: a messaging channel's privacy
 * notice, the first reply of a new conversation. It runs again for a retried message still without an answer, so it
 * must be safe to repeat.
 */
@FunctionalInterface
public interface BeforeAnswering {

    BeforeAnswering NOTHING = (conversation, stored) -> Mono.empty();

    Mono<Void> run(Conversation conversation, Message stored);
}
