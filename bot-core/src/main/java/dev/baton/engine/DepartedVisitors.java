package dev.baton.engine;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.IllegalTransitionException;
import dev.baton.conversation.MessageDraft;
import dev.baton.dialogue.BotPhrases.Phrase;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Takes out of the queue the visitors who left: a visitor whose socket has been closed for longer than the grace
 * period (a closed tab, a lost phone) goes back to the bot, with a note in the transcript, so that nobody waits
 * behind them and no agent takes a conversation nobody is in. A visitor back within the grace keeps their place:
 * a reload or a short drop costs nothing.
 *
 * <p>Every node may run one. When nodes race for the same conversation, the queue lets exactly one take it out
 * ({@link Handoffs#leaveQueue}), and only that one writes the note.
 */
public final class DepartedVisitors implements Sweep {

    private final Stores stores;
    private final Handoffs handoffs;
    private final Duration grace;
    private final String defaultLanguage;
    private final Clock clock;

    public DepartedVisitors(Stores stores, Handoffs handoffs, Duration grace, String defaultLanguage, Clock clock) {
        this.stores = stores;
        this.handoffs = handoffs;
        this.grace = grace;
        this.defaultLanguage = defaultLanguage;
        this.clock = clock;
    }

    /** One look at the queue; emits the conversations it sent back to the bot. */
    @Override
    public Flux<Conversation> sweep() {
        return stores.queue().waiting().collectList()
                .flatMap(stores.visitorPresence()::seen)
                .flatMapIterable(Map::entrySet)
                .filter(visitor -> !visitor.getValue().isThere(grace, clock.instant()))
                .concatMap(departed -> stores.conversations().find(departed.getKey())
                        .filter(c -> c.state() == ConversationState.WAITING_FOR_AGENT)
                        .flatMap(this::takeOutOfQueue));
    }

    private Mono<Conversation> takeOutOfQueue(Conversation waiting) {
        return handoffs.leaveQueue(waiting)
                .flatMap(back -> handoffs.post(back.id(), MessageDraft.systemNote(handoffs.replies().say(
                                Phrase.VISITOR_LEFT_QUEUE, back.language().orElse(defaultLanguage))))
                        .thenReturn(back))
                .onErrorResume(IllegalTransitionException.class, takenMeanwhile -> Mono.empty());
    }
}
