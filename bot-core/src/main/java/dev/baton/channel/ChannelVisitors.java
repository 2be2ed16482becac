package dev.baton.channel;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.QuickReply;
import dev.baton.conversation.Sender;
import dev.baton.customers.Customers;
import dev.baton.engine.ConversationEngine;
import dev.baton.engine.SatisfactionSurvey;
import dev.baton.engine.VisitorMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.Optional;

/**
 * The visitor's side of every messaging channel: an adapter hands each message it read here, and it reaches the
 * {@link ConversationEngine} as a widget's would. A messaging app has one endless chat, so the visitor writes into
 * their latest conversation; once an agent resolved it, a score answers its satisfaction question and anything else
 * starts the next conversation. A choice is read from the button pressed or from its number or text; a button
 * that names no choice of the conversation is refused with {@link UnknownChoiceException}.
 */
public final class ChannelVisitors {

    private final ConversationEngine engine;
    private final SatisfactionSurvey survey;
    private final ConversationStore conversations;
    private final DeliveryClaims claims;
    private final Customers customers;
    private final ChannelPrivacyNotice notice;

    /**
     * @param customers where the contacts a channel vouches for link its visitors to the same customer elsewhere
     * @param notice    the privacy notice a new conversation starts with, when one is configured
     */
    public ChannelVisitors(ConversationEngine engine, SatisfactionSurvey survey, ConversationStore conversations,
                           DeliveryClaims claims, Customers customers, ChannelPrivacyNotice notice) {
        this.customers = customers;
        this.notice = notice;
        this.engine = engine;
        this.survey = survey;
        this.conversations = conversations;
        this.claims = claims;
    }

    /**
     * Handles a message once, however often its platform delivers it: emits true when it was handled now, false when
     * it had been (on any node). A message that could not be handled may be delivered again and is handled then.
     */
    public Mono<Boolean> receive(ChannelMessage message) {
        String claim = "in:" + message.from().channel() + ":" + message.deliveryId();
        return claims.claim(claim).flatMap(first -> first
                ? handle(message).onErrorResume(failure -> claims.release(claim).then(Mono.error(failure))).thenReturn(true)
                : Mono.just(false));
    }

    private Mono<Void> handle(ChannelMessage message) {
        String visitorId = message.from().visitorId();
        // Linked before the message is handled, so that an agent it reaches already sees the customer's history.
        return Flux.fromIterable(message.verified()).concatMap(contact -> customers.verified(visitorId, contact))
                .then(conversations.ofVisitor(visitorId)
                .reduce((a, b) -> Comparator.comparing(Conversation::startedAt).compare(a, b) >= 0 ? a : b)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(latest -> latest.isEmpty() ? startAndSay(message)
                        : latest.get().state() == ConversationState.RESOLVED ? afterResolved(latest.get(), message)
                        : say(latest.get(), message)));
    }

    /** A score answers the satisfaction question; anything else is the first message of a new conversation. */
    private Mono<Void> afterResolved(Conversation resolved, ChannelMessage message) {
        return chosen(resolved, message)
                .flatMap(choice -> Mono.justOrEmpty(SatisfactionSurvey.scoreOf(choice.payload())))
                .filterWhen(score -> survey.asks(resolved))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(score -> score.isPresent()
                        ? survey.rate(resolved.id(), resolved.visitorId(), score.get(), Optional.empty()).then()
                        : startAndSay(message));
    }

    private Mono<Void> startAndSay(ChannelMessage message) {
        return engine.open(message.from().visitorId(), Optional.empty(), message.languageHint())
                .flatMap(opened -> say(opened.conversation(), message));
    }

    private Mono<Void> say(Conversation conversation, ChannelMessage message) {
        // The platform's delivery id is the client message id: a message stored before is not stored again.
        Optional<String> clientMessageId = Optional.of(message.from().channel() + "-" + message.deliveryId());
        return chosen(conversation, message).map(Optional::of).defaultIfEmpty(Optional.empty())
                .filter(choice -> choice.isPresent() || message.choiceKey().isEmpty())
                .switchIfEmpty(Mono.error(() -> new UnknownChoiceException(message.choiceKey().orElseThrow())))
                .flatMap(choice -> engine.handle(new VisitorMessage(conversation.id(), conversation.visitorId(),
                        choice.map(QuickReply::label).orElse(message.text()), clientMessageId,
                        choice.map(QuickReply::payload), message.languageHint()), notice))
                .then();
    }

    /**
     * The quick reply the message chose: the button's, or the one its text names among the choices of the last
     * message the visitor was sent. Empty when it chose none.
     */
    private Mono<QuickReply> chosen(Conversation conversation, ChannelMessage message) {
        if (message.choiceKey().isPresent()) {
            return Mono.justOrEmpty(message.choiceKey().flatMap(Choices::fromKey).filter(key -> key.messageId() > 0))
                    .flatMap(key -> conversations.transcript(conversation.id(), key.messageId() - 1).next()
                            .filter(m -> m.id() == key.messageId() && key.index() < m.quickReplies().size())
                            .map(m -> m.quickReplies().get(key.index())));
        }
        return conversations.transcript(conversation.id(), 0)
                .filter(m -> m.reachesVisitor() && m.from() != Sender.VISITOR)
                .takeLast(1).next()
                .flatMap(last -> Mono.justOrEmpty(Choices.answeredBy(message.text(), last.quickReplies())));
    }
}
