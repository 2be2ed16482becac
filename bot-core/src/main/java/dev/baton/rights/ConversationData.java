package dev.baton.rights;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.Message;
import dev.baton.conversation.VisitorContext;
import dev.baton.privacy.Consent;
import dev.baton.satisfaction.SatisfactionRating;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One of a visitor's conversations as an export shows it.
 *
 * @param messages the whole transcript, in order
 * @param consent  the privacy notice the visitor accepted in it, if any
 * @param rating   how satisfied they said they were, if they did
 * @param browser  what their browser told of itself in the conversation (page, referrer, user agent, time zone), if any
 */
public record ConversationData(Conversation conversation, List<Message> messages, Optional<Consent> consent,
                               Optional<SatisfactionRating> rating, Optional<VisitorContext> browser) {

    public ConversationData {
        Objects.requireNonNull(conversation, "conversation");
        messages = List.copyOf(messages);
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(browser, "browser");
    }

    ConversationData asTheVisitorSeesIt() {
        return new ConversationData(conversation, messages.stream().filter(Message::reachesVisitor).toList(), consent, rating, browser);
    }
}
