package dev.baton.app.config;

import dev.baton.events.ConversationEvents;
import dev.baton.conversation.ConversationStore;
import dev.baton.dialogue.BotPhrases;
import dev.baton.dialogue.HumanRequestDetector;
import dev.baton.dialogue.MoodDetector;
import dev.baton.dialogue.PolicySettings;
import dev.baton.engine.AbandonedConversations;
import dev.baton.engine.AgentDesk;
import dev.baton.engine.AutoAssigner;
import dev.baton.engine.BotKnowledge;
import dev.baton.conversation.EarlierConversations;
import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.DirectoryAgents;
import dev.baton.engine.ConversationEngine;
import dev.baton.engine.DepartedVisitors;
import dev.baton.customers.Customers;
import dev.baton.engine.Handoffs;
import dev.baton.engine.LeftMessageFollowUps;
import dev.baton.engine.LiveKnowledge;
import dev.baton.engine.LiveQueue;
import dev.baton.engine.QueueCheck;
import dev.baton.engine.SatisfactionSurvey;
import dev.baton.engine.Stores;
import dev.baton.engine.UnansweredMessages;
import dev.baton.engine.Understanding;
import dev.baton.feedback.AnswerRatings;
import dev.baton.inbox.Inbox;
import dev.baton.inbox.InboxRecorder;
import dev.baton.inbox.TrainerInbox;
import dev.baton.handoff.EmailOutbox;
import dev.baton.handoff.Presence;
import dev.baton.handoff.HandoffSummaryWriter;
import dev.baton.handoff.Teams;
import dev.baton.handoff.WaitEstimator;
import dev.baton.nlu.OpenNlpLanguageDetector;
import dev.baton.observation.ConversationObserver;
import dev.baton.privacy.CustomerDetailExtractor;
import dev.baton.privacy.PersonalDataRedactor;
import dev.baton.satisfaction.SatisfactionRatings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Wires the core: the understanding pipeline, the engine and the desk, over the stores {@link StoreConfiguration} chose. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({BatonProperties.class, BusinessHoursSettings.class})
class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ConversationStore conversationStore(Stores stores) {
        return stores.conversations();
    }

    @Bean
    ConversationEvents conversationEvents(Stores stores) {
        return stores.events();
    }

    @Bean
    Presence agentPresence(Stores stores) {
        return stores.presence();
    }

    @Bean
    PersonalDataRedactor personalDataRedactor() {
        return new PersonalDataRedactor();
    }

    @Bean
    Understanding understanding(BatonProperties properties, LiveKnowledge knowledge) {
        return new Understanding(
                new OpenNlpLanguageDetector(() -> knowledge.get().intents(), properties.defaultLanguage()),
                new HumanRequestDetector(), new MoodDetector(), properties.defaultLanguage());
    }

    /** The teams, checked at start: a node configured wrongly stops with what is wrong. */
    @Bean
    Teams teams(BatonProperties properties, BusinessHoursSettings hours) {
        return properties.teams(hours.hours());
    }

    @Bean
    Handoffs handoffs(Stores stores, PersonalDataRedactor redactor, BatonProperties properties, LiveKnowledge knowledge, Clock clock,
                      ConversationObserver observer, Teams teams, AgentRoster roster, Customers customers) {
        return handoffsOver(stores, redactor, properties, knowledge, clock, observer, teams, roster, customers::history);
    }

    /** The handoffs over {@code stores}, reporting to {@code observer}, with the visitor's earlier conversations from {@code earlier}. */
    static Handoffs handoffsOver(Stores stores, PersonalDataRedactor redactor, BatonProperties properties, Supplier<BotKnowledge> knowledge,
                                 Clock clock, ConversationObserver observer, Teams teams, AgentRoster roster, EarlierConversations earlier) {
        Function<String, String> titles = id -> knowledge.get().intents().find(id)
                .flatMap(intent -> intent.titleIn(properties.defaultLanguage())).orElse(id);
        return new Handoffs(stores, new HandoffSummaryWriter(redactor, new CustomerDetailExtractor(redactor), titles),
                new WaitEstimator(properties.handoff().averageHandlingTime(), properties.handoff().visitorGrace()), new BotPhrases(),
                properties.defaultLanguage(), clock, observer, teams, roster, earlier);
    }

    /** Stops taking messages for the inbox at shutdown; what is still buffered then is not stored. */
    @Bean(destroyMethod = "close")
    InboxRecorder inboxRecorder(TrainerInbox inbox, PersonalDataRedactor redactor, Clock clock, BatonProperties properties) {
        return new InboxRecorder(inbox, redactor, clock, properties.inbox().lowMargin(), properties.inbox().buffer());
    }

    @Bean
    Inbox inbox(TrainerInbox inbox) {
        return new Inbox(inbox);
    }

    @Bean
    ConversationEngine conversationEngine(Stores stores, LiveKnowledge knowledge, Understanding understanding,
                                          BatonProperties properties, Handoffs handoffs, PersonalDataRedactor redactor,
                                          Clock clock, AnswerRatings ratings, InboxRecorder inbox) {
        return engineOver(stores, knowledge, understanding, properties, handoffs, redactor, clock, ratings, inbox);
    }

    /** An engine over {@code stores}, as configured in {@code properties}. */
    static ConversationEngine engineOver(Stores stores, Supplier<BotKnowledge> knowledge, Understanding understanding,
                                         BatonProperties properties, Handoffs handoffs, PersonalDataRedactor redactor,
                                         Clock clock, AnswerRatings ratings, InboxRecorder inbox) {
        // Every turn applies the confidence floor that comes with the knowledge in service (configured or calibrated).
        PolicySettings policy = properties.policy().settings(knowledge.get().confidenceFloor());
        return new ConversationEngine(stores, knowledge, understanding, policy, handoffs, redactor, clock, ratings, inbox);
    }

    @Bean
    SatisfactionSurvey satisfactionSurvey(Stores stores, SatisfactionRatings ratings, Handoffs handoffs,
                                          PersonalDataRedactor redactor, BatonProperties properties, Clock clock) {
        return new SatisfactionSurvey(stores, ratings, handoffs, redactor, properties.defaultLanguage(), clock);
    }

    /**
     * Read again every so often even when no change was heard of: an event missed between nodes (they are at most
     * once) or agents coming and going would otherwise leave consoles and waiting visitors with a stale queue.
     */
    private static final Duration QUEUE_REFRESH = Duration.ofSeconds(10);

    @Bean(destroyMethod = "close")
    LiveQueue liveQueue(Stores stores, Handoffs handoffs, BatonProperties properties) {
        return new LiveQueue(stores, handoffs, properties.handoff().queueUpdateInterval(), QUEUE_REFRESH, Schedulers.parallel());
    }

    @Bean
    BackgroundWork unansweredMessagesSweep(ConversationEngine engine, Stores stores, BatonProperties properties, Clock clock) {
        BatonProperties.Unanswered unanswered = properties.unanswered();
        UnansweredMessages sweep = new UnansweredMessages(engine, stores.conversations(), unanswered.answerAfter(),
                unanswered.batch(), clock);
        return new BackgroundWork(sweep::sweepRegularly);
    }

    @Bean
    AgentRoster agentRoster(BatonProperties properties, DirectoryAgents directoryAgents) {
        return properties.agents().roster(directoryAgents);
    }

    @Bean
    AgentDesk agentDesk(Stores stores, Handoffs handoffs, AgentRoster roster, BatonProperties properties, Clock clock) {
        return new AgentDesk(stores, handoffs, roster, properties.defaultLanguage(), clock);
    }

    /**
     * How often each node looks for conversations of automatic teams to assign even when no change was heard of
     * (events between nodes are at most once).
     */
    private static final Duration ASSIGNMENT_SWEEP = Duration.ofSeconds(5);

    /** Automatic assignment, on every node, when a team assigns automatically; nothing runs otherwise. */
    @Bean
    BackgroundWork autoAssignment(Stores stores, AgentDesk desk) {
        AutoAssigner assigner = new AutoAssigner(stores, desk);
        return new BackgroundWork(() -> assigner.needed() ? assigner.assignContinually(ASSIGNMENT_SWEEP, Schedulers.parallel()) : Flux.empty());
    }

    @Bean
    BackgroundWork abandonedConversationsWatch(AgentDesk desk, Stores stores, BatonProperties properties, Clock clock) {
        Set<String> agents = properties.agents().users().stream().map(BatonProperties.User::username).collect(Collectors.toSet());
        Duration grace = properties.handoff().agentGrace();
        AbandonedConversations abandoned = new AbandonedConversations(desk, stores.presence(), agents, grace, clock);
        // Looking three times per grace period requeues at most a third of it late.
        return new BackgroundWork(() -> abandoned.sweepEvery(grace.dividedBy(3)));
    }

    /** Checks the queue against the conversations' states at start-up and every interval. */
    @Bean
    BackgroundWork queueCheck(Stores stores, BatonProperties properties) {
        Duration interval = properties.handoff().consistencyCheckInterval();
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("baton.handoff.consistency-check-interval must be positive: " + interval);
        }
        QueueCheck check = new QueueCheck(stores);
        return new BackgroundWork(() -> check.runEvery(interval));
    }

    @Bean
    DepartedVisitors departedVisitors(Stores stores, Handoffs handoffs, BatonProperties properties, Clock clock) {
        return new DepartedVisitors(stores, handoffs, properties.handoff().visitorGrace(), properties.defaultLanguage(), clock);
    }

    @Bean
    BackgroundWork departedVisitorsSweep(DepartedVisitors departed, BatonProperties properties) {
        return new BackgroundWork(() -> departed.sweepEvery(properties.handoff().visitorSweepPeriod()));
    }

    @Bean
    LeftMessageFollowUps leftMessageFollowUps(Stores stores, EmailOutbox email, BatonProperties properties, Clock clock) {
        return new LeftMessageFollowUps(stores.leftMessages(), stores.events(), email, clock,
                properties.retention().leftMessageContacts());
    }

    /** Contacts are kept for days after a message was dealt with: an hourly look is plenty. */
    @Bean
    BackgroundWork leftMessageContactsRetention(LeftMessageFollowUps followUps) {
        return BackgroundWork.every(Duration.ofHours(1), "forget the contacts of old left messages", followUps::forgetOldContacts);
    }
}
