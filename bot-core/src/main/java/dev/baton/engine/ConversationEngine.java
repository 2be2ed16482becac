package dev.baton.engine;

import dev.baton.conversation.Appended;
import dev.baton.conversation.BotDecision;
import dev.baton.conversation.Conversation;
import dev.baton.events.ConversationEvent;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.IllegalTransitionException;
import dev.baton.conversation.IntentCandidate;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.conversation.Sender;
import dev.baton.conversation.UnansweredMessage;
import dev.baton.dialogue.BotPhrases.Phrase;
import dev.baton.dialogue.Decision;
import dev.baton.dialogue.DecisionPolicy;
import dev.baton.dialogue.MoodReading;
import dev.baton.dialogue.PolicySettings;
import dev.baton.feedback.AnswerRating;
import dev.baton.feedback.AnswerRatings;
import dev.baton.handoff.LeftMessage;
import dev.baton.handoff.QueueStatus;
import dev.baton.inbox.InboxRecorder;
import dev.baton.intents.Intent;
import dev.baton.nlu.Classification;
import dev.baton.nlu.TextNormalizer;
import dev.baton.observation.BotTurn;
import dev.baton.privacy.PersonalDataRedactor;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The visitor's side of Baton: every channel turns its payload into a call here. The bot's whole pipeline is
 * {@link #handle}: store the message, and if the bot may speak, read it (language, intents, mood), decide,
 * and act — answer, ask which was meant, admit it did not understand, or hand off to people.
 */
public final class ConversationEngine {

    /** How far back the bot looks for a repeated question or an answer it already gave. */
    private static final int RECENT_MESSAGES = 20;

    private final Stores stores;
    private final Supplier<BotKnowledge> knowledge;
    private final Understanding understanding;
    private final Handoffs handoffs;
    private final Replies replies;
    private final PersonalDataRedactor redactor;
    private final Clock clock;
    private final RecentTranscripts recentTranscripts;
    private final TurnReader reader;
    private final AnswerRatings ratings;
    private final InboxRecorder inbox;

    /**
     * @param ratings where visitors' ratings of answers are kept
     * @param inbox   takes the messages the bot did not handle well, for trainers
     */
    public ConversationEngine(Stores stores, Supplier<BotKnowledge> knowledge, Understanding understanding,
                              PolicySettings policy, Handoffs handoffs, PersonalDataRedactor redactor, Clock clock,
                              AnswerRatings ratings, InboxRecorder inbox) {
        this.stores = stores;
        this.ratings = ratings;
        this.inbox = inbox;
        this.knowledge = knowledge;
        this.understanding = understanding;
        this.reader = new TurnReader(understanding, policy);
        this.handoffs = handoffs;
        this.replies = handoffs.replies();
        this.redactor = redactor;
        this.clock = clock;
        this.recentTranscripts = new RecentTranscripts(stores.conversations(), RECENT_MESSAGES);
    }

    /**
     * Resumes the visitor's conversation when it exists and is theirs; otherwise starts a new one. A resolved
     * conversation is resumed too, so that a visitor who comes back still reads how it ended (read-only: it
     * refuses new messages, and {@code new_conversation} starts the next one). Emits the conversation and
     * whether it was resumed.
     */
    public Mono<Opened> open(String visitorId, Optional<String> conversationId, Optional<String> languageHint) {
        return open(visitorId, conversationId, languageHint, Mono.empty());
    }

    /**
     * As {@link #open(String, Optional, Optional)}, but a new conversation is started only once {@code beforeStarting}
     * completes; if it fails, nothing is stored and its failure is emitted (a visitor who started too many).
     */
    public Mono<Opened> open(String visitorId, Optional<String> conversationId, Optional<String> languageHint,
                             Mono<Void> beforeStarting) {
        Mono<Conversation> existing = Mono.justOrEmpty(conversationId)
                .flatMap(stores.conversations()::find)
                .filter(c -> c.visitorId().equals(visitorId));
        return existing.map(c -> new Opened(c, true))
                .switchIfEmpty(beforeStarting.then(Mono.defer(() -> stores.conversations()
                        .create(Conversation.start(RandomIds.next("c-"), visitorId, languageHint, clock.instant()))
                        .map(c -> new Opened(c, false)))));
    }

    /** Whether {@link #open} resumed an existing conversation or started a new one. */
    public record Opened(Conversation conversation, boolean resumed) {
    }

    /**
     * Stores the visitor's message and, if the bot may speak, answers it. A retried send (the same
     * {@code clientMessageId}) is not stored again; it is answered now if it has no answer yet and the conversation
     * is still with the bot, since the node that stored it may have died before answering — the store keeps one
     * answer per message, so the bot never answers twice. Emits what the sender must be told directly: everyone
     * following the conversation hears of new messages through the events, but those can be lost (a Redis restart),
     * so a retried send is acknowledged with the stored message and its answer, if it has one.
     */
    public Mono<Received> handle(VisitorMessage visitorMessage) {
        return handle(visitorMessage, BeforeAnswering.NOTHING);
    }

    /** {@link #handle(VisitorMessage)}, with {@code before} run once the message is stored, while it awaits an answer. */
    public Mono<Received> handle(VisitorMessage visitorMessage, BeforeAnswering before) {
        return Mono.defer(() -> {
            String text = MessageText.validated(visitorMessage.text());
            MessageDraft draft = MessageDraft.fromVisitor(redactor.redactCards(text), visitorMessage.clientMessageId());
            return stores.conversations().appendAsVisitor(visitorMessage.conversationId(), visitorMessage.visitorId(), draft)
                    .switchIfEmpty(Mono.error(() -> new UnknownConversationException(visitorMessage.conversationId())))
                    .flatMap(stored -> {
                        Appended appended = stored.appended();
                        if (appended.fresh()) {
                            // Nothing is stored in a conversation before its visitor's first message.
                            handoffs.observer().visitorWrote(visitorMessage.conversationId(), appended.message().id() == 1);
                        }
                        boolean unanswered = appended.fresh() || appended.reply().isEmpty();
                        // Deferred: the bot reads the transcript once what runs before it was stored.
                        Mono<Optional<Message>> answer = Mono.defer(() -> unanswered && stored.conversation().botMaySpeak()
                                ? botTurn(stored.conversation(), visitorMessage, text, appended.message())
                                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                                : Mono.just(appended.reply()));
                        return (unanswered ? before.run(stored.conversation(), appended.message()) : Mono.<Void>empty())
                                .then(answer)
                                .map(reply -> new Received(appended.message(), !appended.fresh(), reply));
                    });
        });
    }

    /**
     * What became of a visitor's message.
     *
     * @param repeated whether it had been stored before (a retried send), and must be acknowledged to its sender
     * @param answer   the bot's answer, if it has one (a handoff is announced, not an answer)
     */
    public record Received(Message message, boolean repeated, Optional<Message> answer) {
    }

    /**
     * Answers a message the bot owed an answer but never gave one (see {@link ConversationStore#claimUnanswered}),
     * unless its conversation has left the bot or is gone: then it is forgotten. Emits the answer, stored now or by
     * whoever answered first.
     */
    Mono<Message> answerLate(UnansweredMessage unanswered) {
        String conversationId = unanswered.conversationId();
        Mono<Message> message = messageAt(conversationId, unanswered.messageId()).filter(m -> m.from() == Sender.VISITOR);
        return stores.conversations().find(conversationId)
                .filter(Conversation::botMaySpeak)
                .zipWith(message)
                .flatMap(found -> {
                    Message stored = found.getT2();
                    // The quick reply's payload is not stored: its label is read like any text.
                    VisitorMessage visitorMessage = new VisitorMessage(conversationId, found.getT1().visitorId(),
                            stored.text(), stored.clientMessageId(), Optional.empty(), Optional.empty());
                    return botTurn(found.getT1(), visitorMessage, stored.text(), stored);
                })
                .switchIfEmpty(Mono.defer(() -> stores.conversations().forgetUnanswered(unanswered).then(Mono.empty())));
    }

    /**
     * The visitor rates one of the bot's answers in their conversation, once. A rating that it did not help puts the
     * question in the trainers' inbox and, while the bot still has the conversation, offers the visitor a person.
     * Errors with {@link RatingRefusedException} for anything but an answer of the bot's in this conversation, or an
     * answer rated before; with {@link UnknownConversationException} for a conversation that is not the visitor's.
     */
    public Mono<AnswerRating> rate(String conversationId, String visitorId, long messageId, boolean helpful) {
        return ownedBy(conversationId, visitorId).flatMap(conversation -> messageAt(conversationId, messageId)
                .switchIfEmpty(Mono.error(() -> new RatingRefusedException(RatingRefusedException.Problem.UNKNOWN_MESSAGE,
                        "this conversation has no message " + messageId)))
                .flatMap(message -> {
                    Optional<BotDecision> answer = message.decision().filter(d -> d.kind() == BotDecision.Kind.ANSWER);
                    if (message.from() != Sender.BOT || answer.isEmpty() || message.intent().isEmpty()) {
                        return Mono.error(new RatingRefusedException(RatingRefusedException.Problem.NOT_AN_ANSWER,
                                "message " + messageId + " is not an answer of the bot's; only those can be rated"));
                    }
                    AnswerRating rating = new AnswerRating(conversationId, messageId, message.intent().get(), helpful, clock.instant());
                    return ratings.rate(rating)
                            .filter(Boolean::booleanValue)
                            .switchIfEmpty(Mono.error(() -> new RatingRefusedException(RatingRefusedException.Problem.ALREADY_RATED,
                                    "message " + messageId + " was rated already; each answer is rated once")))
                            .doOnNext(kept -> handoffs.observer().answerRated(conversationId, rating.intent(), helpful))
                            .then(helpful ? Mono.empty() : afterUnhelpful(conversation, message, answer.get()))
                            .thenReturn(rating);
                }));
    }

    /** The question goes to the trainers, and the visitor is offered a person while the bot has them. */
    private Mono<Void> afterUnhelpful(Conversation conversation, Message answer, BotDecision decision) {
        String language = language(conversation);
        Mono<Void> toInbox = answer.replyTo().isPresent()
                ? messageAt(conversation.id(), answer.replyTo().getAsLong())
                        .doOnNext(question -> inbox.unhelpful(conversation.id(), question.text(), language, decision))
                        .then()
                : Mono.empty();
        Mono<Void> offerPerson = conversation.botMaySpeak()
                ? handoffs.post(conversation.id(), MessageDraft.fromBot(replies.say(Phrase.NOT_HELPFUL, language),
                        List.of(replies.talkToPerson(language)))).then()
                : Mono.empty();
        return toInbox.then(offerPerson);
    }

    private Mono<Message> messageAt(String conversationId, long messageId) {
        return messageId < 1 ? Mono.empty()
                : stores.conversations().transcript(conversationId, messageId - 1).next().filter(m -> m.id() == messageId);
    }

    public Mono<Void> typing(String conversationId, String visitorId) {
        return ownedBy(conversationId, visitorId)
                .flatMap(c -> stores.events().publish(new ConversationEvent.Typing(c.id(), Sender.VISITOR)));
    }

    /** The visitor gives up waiting and goes back to the bot. */
    public Mono<Void> stopWaiting(String conversationId, String visitorId) {
        return ownedBy(conversationId, visitorId)
                .flatMap(c -> handoffs.leaveQueue(c)
                        .then(handoffs.post(c.id(), MessageDraft.fromBot(replies.say(Phrase.STOPPED_WAITING, language(c)), List.of()))))
                .then();
    }

    /** Leaves a message for the agents; a waiting visitor stops waiting, since someone will get back to them. */
    public Mono<LeftMessage> leaveMessage(String conversationId, String visitorId, String text, Optional<String> contact) {
        return Mono.defer(() -> {
            String validText = MessageText.validated(text);
            Optional<String> validContact = MessageText.validatedContact(contact);
            return ownedBy(conversationId, visitorId).flatMap(c -> {
                if (c.state() == ConversationState.RESOLVED) {
                    // A visitor back in a resolved conversation reads it; anything new belongs in a new one.
                    return Mono.error(new IllegalTransitionException(c.id(), c.state(), "leave a message in"));
                }
                LeftMessage left = new LeftMessage(RandomIds.next("m-"), c.id(), visitorId,
                        redactor.redactCards(validText), validContact,
                        language(c), clock.instant());
                Mono<Void> leaveQueue = c.state() == ConversationState.WAITING_FOR_AGENT ? handoffs.leaveQueue(c).then() : Mono.empty();
                return stores.leftMessages().save(left)
                        .flatMap(saved -> leaveQueue
                                .then(handoffs.post(c.id(), MessageDraft.fromVisitor(left.text(), Optional.empty())))
                                .then(handoffs.post(c.id(), MessageDraft.fromBot(replies.say(Phrase.MESSAGE_LEFT, language(c)), List.of())))
                                .then(stores.events().publish(new ConversationEvent.MessageLeft(c.id(), saved)))
                                .thenReturn(saved));
            });
        });
    }

    /** A socket of the visitor's follows the conversation now: they are online, wherever they were before. */
    public Mono<Void> visitorConnected(String conversationId) {
        return stores.visitorPresence().connected(conversationId).then(announceVisitorPresence(conversationId));
    }

    /** A socket of the visitor's stopped following the conversation (closed, or moved to a new conversation). */
    public Mono<Void> visitorDisconnected(String conversationId) {
        return stores.visitorPresence().disconnected(conversationId).then(announceVisitorPresence(conversationId));
    }

    /** Only consoles show presence, and only of conversations with people: the bot's own are not announced. */
    private Mono<Void> announceVisitorPresence(String conversationId) {
        return stores.conversations().find(conversationId)
                .filter(c -> c.state() == ConversationState.WAITING_FOR_AGENT || c.state() == ConversationState.WITH_AGENT)
                .flatMap(c -> stores.visitorPresence().seen(List.of(conversationId)))
                .flatMap(seen -> stores.events().publish(new ConversationEvent.VisitorPresenceChanged(conversationId, seen.get(conversationId))));
    }

    /** Where a waiting conversation stands; empty when it is not waiting. */
    public Mono<QueueStatus> queueStatus(String conversationId) {
        return handoffs.queueStatus(conversationId);
    }

    /**
     * When the people of the conversation's team are next there, while out of their business hours; empty while open
     * (or with no hours set).
     */
    public Optional<ZonedDateTime> closedUntil(Conversation conversation) {
        return handoffs.closedUntil(conversation);
    }

    /** How many agents are online now: whether a visitor who asks for a person can get one. */
    public Mono<Integer> agentsOnline() {
        return stores.presence().onlineCount();
    }

    /**
     * The bot's turn reads only the recent transcript (what mood and answer rotation need), so its cost does
     * not grow with the length of the conversation. Emits the answer (stored now, or earlier by a turn that
     * raced this one); empty for a handoff.
     */
    private Mono<Message> botTurn(Conversation conversation, VisitorMessage visitorMessage, String text, Message stored) {
        BotKnowledge bot = knowledge.get();
        long started = System.nanoTime();
        return recentTranscripts.upTo(stored)
                .flatMap(transcript -> {
                    TurnReader.Reading reading = reader.read(bot, new TurnReader.Message(text, conversation.language(),
                            visitorMessage.languageHint(), visitorMessage.payload(), conversation.consecutiveFailures(),
                            (language, normalized) -> earlierVisitorTexts(transcript, language, normalized)));
                    String language = reading.language();
                    Optional<String> languageNote = reading.languageNote();
                    Classification classification = reading.classification();
                    long classificationNanos = reading.classificationNanos();
                    boolean askedForHuman = reading.askedForHuman();
                    MoodReading mood = reading.mood();
                    Decision decision = reading.decision();
                    List<IntentCandidate> considered = askedForHuman ? List.of() : candidates(classification, bot, language);
                    UnaryOperator<Conversation> recordTurn =
                            c -> c.afterBotTurn(language, DecisionPolicy.answered(decision), considered, clock.instant());
                    BotDecision why = decision.recorded(classification);
                    Optional<HandoffReason> handoffReason = decision instanceof Decision.HandOff h ? Optional.of(h.reason()) : Optional.empty();
                    Runnable observe = () -> {
                        handoffs.observer().botTurn(new BotTurn(conversation.id(), why, handoffReason,
                                classificationNanos, System.nanoTime() - started, conversation.handoff().isEmpty()));
                        // A pressed button's label is ours, not the visitor's words: nothing to teach the bot.
                        if (visitorMessage.payload().isEmpty()) {
                            inbox.afterTurn(conversation.id(), text, language, classification, why, handoffReason);
                        }
                    };
                    if (decision instanceof Decision.HandOff handOff) {
                        // The turn is recorded in the handoff's own update: a handoff that fails leaves nothing
                        // behind, so the sweep's retry records the turn once, not on top of a first half-done try.
                        return handOff(handOff, why, conversation, recordTurn, bot, language, languageNote, mood, transcript)
                                // People answer it now: were the visitor back with the bot soon, no sweep may take it up.
                                .then(stores.conversations().forgetUnanswered(new UnansweredMessage(conversation.id(), stored.id())))
                                .then(Mono.fromRunnable(observe));
                    }
                    // The turn and the reply are stored in one step: with Redis, one round trip instead of two.
                    return stores.conversations().updateAndAppend(conversation.id(), recordTurn,
                                    reply(decision, bot, language, transcript).replyingTo(stored.id()).decidedBy(why))
                            .doOnNext(answered -> {
                                // An answer stored earlier, by a turn that raced this one, was observed by that turn.
                                if (answered.appended().fresh()) {
                                    observe.run();
                                }
                            })
                            .map(answered -> answered.appended().message())
                            // Remembered, so that the visitor's next turn need not read it back.
                            .doOnNext(recentTranscripts::saw);
                });
    }

    private MessageDraft reply(Decision decision, BotKnowledge bot, String language, List<RecentMessage> transcript) {
        if (decision instanceof Decision.Answer answer) {
            Intent intent = bot.intents().find(answer.score().intent()).orElseThrow();
            return MessageDraft.botAnswer(intent.id(),
                    replies.answer(intent, language, transcript), replies.followUps(intent, bot.intents(), language));
        }
        if (decision instanceof Decision.Clarify clarify) {
            return MessageDraft.fromBot(replies.say(Phrase.DID_YOU_MEAN, language), replies.choices(clarify.options(), bot.intents(), language));
        }
        return MessageDraft.fromBot(replies.say(Phrase.NOT_UNDERSTOOD, language), List.of(replies.talkToPerson(language)));
    }

    private Mono<Void> handOff(Decision.HandOff handOff, BotDecision why, Conversation conversation, UnaryOperator<Conversation> recordTurn,
                               BotKnowledge bot, String language, Optional<String> languageNote, MoodReading mood,
                               List<RecentMessage> transcript) {
        // A topic flagged for people says its own words ("a colleague will check the charge").
        Optional<String> announcement = handOff.intent().flatMap(bot.intents()::find)
                .map(i -> replies.answer(i, language, transcript));
        return handoffs.handOff(conversation, recordTurn, handOff.reason(), why, language, languageNote, mood, announcement,
                handOff.intent(), id -> bot.intents().find(id).flatMap(Intent::team));
    }

    /** The topics the bot weighed, for the agent's summary; "out of scope" is no topic, so it is left out. */
    private List<IntentCandidate> candidates(Classification classification, BotKnowledge bot, String language) {
        return classification.top(4).stream()
                .filter(s -> !Intent.OUT_OF_SCOPE.equals(s.intent()))
                .limit(3)
                .map(s -> new IntentCandidate(s.intent(),
                        bot.intents().find(s.intent()).map(i -> replies.title(i, understanding.defaultLanguage())).orElse(s.intent()),
                        s.confidence()))
                .toList();
    }

    /**
     * The visitor's earlier messages, normalised — those that could equal {@code normalized}, which is all the
     * mood reader compares them for. Normalising every earlier message on every turn was a tenth of a busy node's
     * CPU; an ASCII message normalises to its letters and digits in lower case, so one whose letters and digits
     * differ cannot match and is skipped unread.
     */
    private List<String> earlierVisitorTexts(List<RecentMessage> transcript, String language, String normalized) {
        // The transcript already holds the message being handled as its last visitor message.
        List<RecentMessage> visitor = transcript.stream().filter(m -> m.from() == Sender.VISITOR).toList();
        String compact = normalized.replace(" ", "");
        return visitor.subList(0, Math.max(0, visitor.size() - 1)).stream()
                .map(RecentMessage::text)
                .filter(text -> mayNormalizeTo(text, compact))
                .map(text -> TextNormalizer.forLanguage(language).normalize(text))
                .toList();
    }

    /**
     * False only when {@code text} is ASCII and its letters and digits, lower-cased, are not {@code compact}. A text
     * with an '@' or a number of four digits or more may normalise otherwise (emails go, long numbers read the same):
     * it is never skipped.
     */
    static boolean mayNormalizeTo(String text, String compact) {
        int matched = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == '@' || startsLongNumber(text, i)) {
                return true;
            }
            if (Character.isLetterOrDigit(c)) {
                if (matched >= compact.length() || compact.charAt(matched) != Character.toLowerCase(c)) {
                    return false;
                }
                matched++;
            }
        }
        return matched == compact.length();
    }

    private static boolean startsLongNumber(String text, int at) {
        if (at > 0 && isAsciiDigit(text.charAt(at - 1))) {
            return false;
        }
        int end = at;
        while (end < text.length() && isAsciiDigit(text.charAt(end))) {
            end++;
        }
        return end - at >= 4;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Mono<Conversation> ownedBy(String conversationId, String visitorId) {
        return stores.conversations().find(conversationId)
                .filter(c -> c.visitorId().equals(visitorId))
                .switchIfEmpty(Mono.error(() -> new UnknownConversationException(conversationId)));
    }

    private String language(Conversation conversation) {
        return conversation.language().orElse(understanding.defaultLanguage());
    }
}
