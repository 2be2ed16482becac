package dev.baton.engine;

import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.HandoffSummary;
import dev.baton.conversation.Mood;
import dev.baton.dialogue.BotPhrases;
import dev.baton.handoff.BusinessHours;
import dev.baton.handoff.Teams;
import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.HandoffSummaryWriter;
import dev.baton.handoff.WaitEstimator;
import dev.baton.privacy.CustomerDetailExtractor;
import dev.baton.privacy.PersonalDataRedactor;
import dev.baton.store.SettableClock;
import dev.baton.store.memory.InMemoryConversationStore;
import dev.baton.store.memory.InMemoryLeftMessages;
import dev.baton.store.memory.InMemoryPresence;
import dev.baton.store.memory.InMemorySatisfactionRatings;
import dev.baton.store.memory.InProcessConversationEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The queue, the desk and the stores behind them, in memory, on a clock the test moves by hand. */
final class InMemoryDesk {

    static final Duration VISITOR_GRACE = Duration.ofMinutes(2);
    static final AgentRef CARLA = new AgentRef("carla", "Carla");
    static final AgentRef MARIA = new AgentRef("maria", "Maria");
    /** A supervisor, who reassigns conversations by their authority rather than as the agent who has them. */
    static final AgentRef SUPERVISOR = new AgentRef("sam", "Sam");
    /** Carla may have one conversation at once, Maria two; anyone else the default. */
    static final AgentRoster ROSTER = new AgentRoster(List.of(new AgentRoster.Member(CARLA, 1), new AgentRoster.Member(MARIA, 2),
            new AgentRoster.Member(SUPERVISOR, 2)));

    final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T18:00:00Z"));
    final InProcessConversationEvents events = new InProcessConversationEvents();
    private final InMemoryConversationStore conversations = new InMemoryConversationStore(clock, events);
    final Stores stores = new Stores(conversations, conversations.queue(), new InMemoryPresence(clock),
            new InMemoryLeftMessages(clock, Duration.ofDays(30)), events, new InMemoryPresence(clock));
    private final PersonalDataRedactor redactor = new PersonalDataRedactor();
    /** Every step the engine and the desk report. */
    final ObservedSteps observed = new ObservedSteps();
    final Handoffs handoffs;
    final AgentDesk desk;
    final InMemorySatisfactionRatings ratings = new InMemorySatisfactionRatings(clock, Duration.ofDays(30));
    final SatisfactionSurvey survey;

    /** With no teams: everyone takes every conversation. */
    InMemoryDesk() {
        this(Teams.none(BusinessHours.always()));
    }

    InMemoryDesk(Teams teams) {
        handoffs = handoffsOn(stores, teams);
        desk = new AgentDesk(stores, handoffs, ROSTER, "en", clock);
        survey = new SatisfactionSurvey(stores, ratings, handoffs, redactor, "en", clock);
    }

    /** Handoffs as this desk makes them, on {@code stores} (this desk's, or some of them broken for a test). */
    Handoffs handoffsOn(Stores stores) {
        return handoffsOn(stores, BusinessHours.always());
    }

    /** Handoffs as this desk makes them, for a team with these {@code hours}. */
    Handoffs handoffsOn(Stores stores, BusinessHours hours) {
        return handoffsOn(stores, Teams.none(hours));
    }

    private Handoffs handoffsOn(Stores stores, Teams teams) {
        return new Handoffs(stores, new HandoffSummaryWriter(redactor, new CustomerDetailExtractor(redactor), id -> id),
                new WaitEstimator(Duration.ofMinutes(3), VISITOR_GRACE), new BotPhrases(), "en", clock, observed, teams, ROSTER);
    }

    /** A new conversation of a new visitor, handed off (which queues it). */
    Conversation waiting(String id, String language) {
        return waiting(id, language, Optional.empty());
    }

    /** A new conversation of a new visitor, handed off to {@code team}'s queue. */
    Conversation waiting(String id, String language, Optional<String> team) {
        Instant now = clock.instant();
        Conversation started = stores.conversations().create(Conversation.start(id, "v-" + id, Optional.of(language), now)).block();
        HandoffSummary summary = new HandoffSummary("Refunds", List.of(), HandoffReason.VISITOR_ASKED, language, Optional.empty(),
                Mood.NEUTRAL, List.of(), List.of(), List.of(), now, 0);
        return stores.conversations().update(started.id(), c -> c.handOff(summary, team, now)).block();
    }
}
