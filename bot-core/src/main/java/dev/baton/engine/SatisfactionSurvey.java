package dev.baton.engine;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.IllegalTransitionException;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.conversation.QuickReply;
import dev.baton.dialogue.BotPhrases.Phrase;
import dev.baton.privacy.PersonalDataRedactor;
import dev.baton.satisfaction.SatisfactionRating;
import dev.baton.satisfaction.SatisfactionRatings;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * After an agent resolved a conversation, its visitor says how satisfied they were (CSAT): a score from 1 to 5 and,
 * if they like, a comment. The rating counts towards the agent who had the conversation, and lands in its transcript
 * as a system note, so that whoever reads the conversation later sees it.
 */
public final class SatisfactionSurvey {

    /** What a quick reply of the question asked in the transcript means: {@code rate:4}. */
    private static final String SCORE_PAYLOAD = "rate:";

    private final Stores stores;
    private final SatisfactionRatings ratings;
    private final Handoffs handoffs;
    private final PersonalDataRedactor redactor;
    private final String defaultLanguage;
    private final Clock clock;

    public SatisfactionSurvey(Stores stores, SatisfactionRatings ratings, Handoffs handoffs, PersonalDataRedactor redactor,
                              String defaultLanguage, Clock clock) {
        this.stores = stores;
        this.ratings = ratings;
        this.handoffs = handoffs;
        this.redactor = redactor;
        this.defaultLanguage = defaultLanguage;
        this.clock = clock;
    }

    /**
     * Whether the visitor may be asked to rate the conversation now: an agent resolved it and nobody rated it yet.
     * (A conversation resolved straight from the queue had no agent to rate.)
     */
    public Mono<Boolean> asks(Conversation conversation) {
        return resolvedByAgent(conversation)
                ? ratings.of(conversation.id()).map(rated -> false).defaultIfEmpty(true)
                : Mono.just(false);
    }

    /**
     * Asks the question in the transcript, for channels with no form of their own (the widget has one): a message of
     * the bot's offering the scores as quick replies ({@link #scoreOf} reads the one pressed). Empty when the visitor
     * may not be asked (see {@link #asks}).
     */
    public Mono<Message> askInTranscript(Conversation conversation) {
        String language = conversation.language().orElse(defaultLanguage);
        List<QuickReply> scores = IntStream.rangeClosed(SatisfactionRating.LOWEST, SatisfactionRating.HIGHEST)
                .mapToObj(score -> new QuickReply("★".repeat(score), SCORE_PAYLOAD + score))
                .toList();
        return asks(conversation).filter(Boolean::booleanValue)
                .flatMap(ask -> handoffs.post(conversation.id(), MessageDraft.fromBot(
                        handoffs.replies().say(Phrase.RATE_CONVERSATION, language), scores)));
    }

    /** The score a quick reply of {@link #askInTranscript}'s question gives; empty for any other payload. */
    public static Optional<Integer> scoreOf(String payload) {
        if (!payload.startsWith(SCORE_PAYLOAD)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(payload.substring(SCORE_PAYLOAD.length()))).filter(SatisfactionRating::isScore);
        } catch (NumberFormatException notAScore) {
            return Optional.empty();
        }
    }

    /**
     * Keeps the visitor's rating of their conversation, once. Errors with {@link RatingRefusedException} for a score
     * outside 1–5 or a conversation rated before; {@link InvalidTextException} for a comment too long;
     * {@link IllegalTransitionException} for a conversation an agent has not resolved; and
     * {@link UnknownConversationException} for one that is not the visitor's.
     */
    public Mono<SatisfactionRating> rate(String conversationId, String visitorId, long score, Optional<String> comment) {
        return Mono.defer(() -> {
            if (!SatisfactionRating.isScore(score)) {
                throw new RatingRefusedException(RatingRefusedException.Problem.INVALID_SCORE,
                        "a score is a whole number from " + SatisfactionRating.LOWEST + " to " + SatisfactionRating.HIGHEST + ", not " + score);
            }
            Optional<String> validComment = MessageText.validatedComment(comment).map(redactor::redactCards);
            return stores.conversations().find(conversationId)
                    .filter(c -> c.visitorId().equals(visitorId))
                    .switchIfEmpty(Mono.error(() -> new UnknownConversationException(conversationId)))
                    .flatMap(conversation -> {
                        if (!resolvedByAgent(conversation)) {
                            return Mono.error(new IllegalTransitionException(conversationId, conversation.state(),
                                    "rate (only a conversation an agent resolved is rated)"));
                        }
                        SatisfactionRating rating = new SatisfactionRating(conversationId, conversation.agent().orElseThrow().username(),
                                (int) score, validComment, clock.instant());
                        return ratings.rate(rating)
                                .filter(Boolean::booleanValue)
                                .switchIfEmpty(Mono.error(() -> new RatingRefusedException(RatingRefusedException.Problem.ALREADY_RATED,
                                        "this conversation was rated already; each conversation is rated once")))
                                .doOnNext(kept -> handoffs.observer().conversationRated(rating))
                                .then(handoffs.post(conversationId, MessageDraft.systemNote(note(rating, conversation))))
                                .thenReturn(rating);
                    });
        });
    }

    private String note(SatisfactionRating rating, Conversation conversation) {
        String language = conversation.language().orElse(defaultLanguage);
        return rating.comment()
                .map(comment -> handoffs.replies().say(Phrase.RATED_WITH_COMMENT, language, rating.score(), comment))
                .orElseGet(() -> handoffs.replies().say(Phrase.RATED, language, rating.score()));
    }

    private static boolean resolvedByAgent(Conversation conversation) {
        return conversation.state() == ConversationState.RESOLVED && conversation.agent().isPresent();
    }
}
