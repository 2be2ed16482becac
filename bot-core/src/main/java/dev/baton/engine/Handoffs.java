package dev.baton.engine;

import dev.baton.conversation.BotDecision;
import dev.baton.conversation.Conversation;
import dev.baton.events.ConversationEvent;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.IllegalTransitionException;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.dialogue.BotPhrases.Phrase;
import dev.baton.dialogue.MoodReading;
import dev.baton.handoff.BusinessHours;
import dev.baton.handoff.HandoffSummaryWriter;
import dev.baton.handoff.QueueStatus;
import dev.baton.handoff.Sighting;
import dev.baton.handoff.WaitEstimator;
import dev.baton.observation.ConversationObserver;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Moving conversations between the bot, the queue and people, and saying so in the transcript — the steps
 * the visitor's and the agents' sides share. Every change is published as an event.
 */
public final class Handoffs {

    private final Stores stores;
    private final HandoffSummaryWriter summaries;
    private final WaitEstimator waits;
    private final Replies replies;
    private final Clock clock;
    private final ConversationObserver observer;
    private final BusinessHours hours;

    /**
     * @param observer told of every step on either side, once it is stored
     * @param hours    when people answer; out of them, with nobody online, the visitor is told when they are back
     */
    public Handoffs(Stores stores, HandoffSummaryWriter summaries, WaitEstimator waits,
                    dev.baton.dialogue.BotPhrases phrases, String defaultLanguage, Clock clock, ConversationObserver observer,
                    BusinessHours hours) {
        this.hours = hours;
        this.stores = stores;
        this.summaries = summaries;
        this.waits = waits;
        this.replies = new Replies(phrases, defaultLanguage);
        this.clock = clock;
        this.observer = observer;
    }

    Replies replies() {
        return replies;
    }

    ConversationObserver observer() {
        return observer;
    }

    /** Stores a message; the store tells everyone watching the conversation. */
    public Mono<Message> post(String conversationId, MessageDraft draft) {
        return stores.conversations().append(conversationId, draft)
                .switchIfEmpty(Mono.error(() -> new UnknownConversationException(conversationId)));
    }

    /**
     * Records the bot's turn ({@code turn}), writes the summary and queues the conversation — one step: the store
     * queues it as it enters {@code WAITING_FOR_AGENT} — and tells the visitor honestly what happens next, with a
     * different message when no agent is online, so nobody waits for someone who is not there.
     */
    Mono<Void> handOff(Conversation conversation, UnaryOperator<Conversation> turn, HandoffReason reason, BotDecision why,
                       String language, Optional<String> languageNote, MoodReading mood, Optional<String> announcement) {
        return stores.conversations().transcript(conversation.id(), 0).collectList()
                .zipWith(stores.conversations().ofVisitor(conversation.visitorId()).count())
                .flatMap(history -> stores.conversations().update(conversation.id(), current -> {
                    Conversation turned = turn.apply(current);
                    return turned.handOff(summaries.write(turned, history.getT1(), reason, language, languageNote, mood,
                            (int) Math.max(0, history.getT2() - 1), clock.instant()), clock.instant());
                }))
                .flatMap(waiting -> stores.presence().onlineCount()
                        .flatMap(online -> post(waiting.id(), MessageDraft.fromBot(
                                announcement.orElseGet(() -> announceHandoff(online, language)),
                                List.of()).decidedBy(why)))
                        .then(changed(waiting))
                        .then(stores.events().publish(new ConversationEvent.QueueChanged(waiting.id()))));
    }

    /**
     * What the visitor is told as they join the queue: that someone will see the conversation; or, with nobody
     * online, that they may wait or leave a message; or, out of hours, when people are back. Someone online out of
     * hours (working late) takes conversations as usual.
     */
    private String announceHandoff(int online, String language) {
        if (online > 0) {
            return replies.say(Phrase.HANDING_OFF, language);
        }
        Instant now = clock.instant();
        if (hours.isOpen(now)) {
            return replies.say(Phrase.HANDING_OFF_NOBODY_ONLINE, language);
        }
        return hours.nextOpening(now)
                .map(opening -> replies.say(Phrase.HANDING_OFF_CLOSED, language, OpeningTimes.inWords(opening, language)))
                .orElseGet(() -> replies.say(Phrase.HANDING_OFF_CLOSED_UNTIL_UNKNOWN, language));
    }

    /**
     * What a waiting visitor on a messaging channel, who has no banner to read it in, is told of their place: their
     * number and roughly how long, in their language. Empty when the conversation is not waiting, or when nobody is
     * online (the handoff message already said so, and an estimate would promise nothing).
     */
    public Mono<String> placeInQueue(Conversation waiting) {
        String language = waiting.language().orElse(replies.defaultLanguage());
        return queueStatus(waiting.id())
                .filter(status -> status.agentsOnline() > 0)
                .map(status -> replies.say(Phrase.PLACE_IN_QUEUE, language, status.position(),
                        Math.max(1, (status.estimatedWaitSeconds() + 59) / 60)));
    }

    /** When people are next there, if they are not now: empty while open. */
    public Optional<ZonedDateTime> closedUntil() {
        return hours.nextOpening(clock.instant());
    }

    /**
     * Takes a waiting conversation out of the queue and back to the bot, in one step; refused (with
     * {@link IllegalTransitionException}) if it is not waiting, e.g. because an agent took it first.
     */
    Mono<Conversation> leaveQueue(Conversation conversation) {
        AtomicReference<Instant> queuedAt = new AtomicReference<>();
        return stores.conversations().update(conversation.id(), c -> {
                    // The change may run again after a conflict; the last run is the one stored.
                    queuedAt.set(c.updatedAt());
                    return c.stopWaiting(clock.instant());
                })
                .switchIfEmpty(Mono.error(() -> new UnknownConversationException(conversation.id())))
                .doOnNext(back -> observer.leftQueue(back, Duration.between(queuedAt.get(), back.updatedAt())))
                .flatMap(back -> changed(back)
                        .then(stores.events().publish(new ConversationEvent.QueueChanged(back.id())))
                        .thenReturn(back));
    }

    /**
     * Where a waiting conversation stands, counting only the visitors ahead who are still there; empty when it is
     * not queued. Reads the queue up to the conversation, and the presence of everyone ahead.
     */
    public Mono<QueueStatus> queueStatus(String conversationId) {
        return stores.queue().waiting().takeUntil(conversationId::equals).collectList()
                .filter(upToIt -> !upToIt.isEmpty() && upToIt.get(upToIt.size() - 1).equals(conversationId))
                .flatMap(upToIt -> stores.visitorPresence().seen(upToIt.subList(0, upToIt.size() - 1)))
                .zipWith(stores.presence().onlineCount(), (ahead, online) -> {
                    Instant now = clock.instant();
                    return waits.status(1 + (int) ahead.values().stream().filter(visitor -> waits.counts(visitor, now)).count(), online);
                });
    }

    /**
     * The whole queue at once, each waiting visitor's status worked out as {@link #queueStatus} does for one.
     *
     * @param waiting      the waiting conversations, longest-waiting first
     * @param visitors     whether each one's visitor is online, or when last seen
     * @param agentsOnline agents online at the moment the queue was read
     */
    public QueueSnapshot snapshot(List<Conversation> waiting, Map<String, Sighting> visitors, int agentsOnline) {
        Instant now = clock.instant();
        return new QueueSnapshot(waiting, visitors, id -> waits.counts(visitors.getOrDefault(id, Sighting.never()), now), agentsOnline,
                waits::status);
    }

    Mono<Void> changed(Conversation conversation) {
        return stores.events().publish(new ConversationEvent.StateChanged(conversation.id(), conversation));
    }
}
