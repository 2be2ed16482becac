package dev.baton.app.config;

import dev.baton.app.warmup.MessagePathWarmUp;
import dev.baton.app.wire.ConversationFeeds;
import dev.baton.app.wire.OutboundFrames;
import dev.baton.conversation.EarlierConversations;
import dev.baton.engine.ConversationEngine;
import dev.baton.engine.Handoffs;
import dev.baton.engine.LiveKnowledge;
import dev.baton.engine.Stores;
import dev.baton.engine.Understanding;
import dev.baton.handoff.Teams;
import dev.baton.inbox.InboxRecorder;
import dev.baton.observation.ConversationObserver;
import dev.baton.privacy.PersonalDataRedactor;
import dev.baton.store.memory.InMemoryAnswerRatings;
import dev.baton.store.memory.InMemoryConversationStore;
import dev.baton.store.memory.InMemoryDirectoryAgents;
import dev.baton.store.memory.InMemoryTrainerInbox;
import dev.baton.store.memory.InProcessConversationEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;

/** The rehearsal of the message path before the node reports ready: see {@link MessagePathWarmUp}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarmUpSettings.class)
class WarmUpConfiguration {

    @Bean
    MessagePathWarmUp messagePathWarmUp(WarmUpSettings settings, BatonProperties properties, LiveKnowledge knowledge,
                                        Understanding understanding, PersonalDataRedactor redactor, Teams teams,
                                        OutboundFrames frames, ObjectMapper mapper, Clock clock,
                                        MeterRegistry meters) {
        return new MessagePathWarmUp(settings.turns(), settings.maxDuration(), knowledge, frames, mapper,
                () -> rehearsal(properties, knowledge, understanding, redactor, teams, clock), meters);
    }

    /**
     * An engine made as the node's is, with the intents in service, but over stores, metrics, an inbox and a roster
     * of its own and an observer that reports nowhere: what it does reaches no store, metric, log line or webhook.
     */
    private static MessagePathWarmUp.Rig rehearsal(BatonProperties properties, LiveKnowledge knowledge, Understanding understanding,
                                                   PersonalDataRedactor redactor, Teams teams, Clock clock) {
        BatonProperties.Retention retention = properties.retention();
        InProcessConversationEvents events = new InProcessConversationEvents();
        InMemoryConversationStore conversations = new InMemoryConversationStore(clock, events, retention.conversations(),
                retention.inMemoryConversations());
        Stores stores = StoreConfiguration.InMemory.stores(conversations, events, retention, clock, new SimpleMeterRegistry());
        Handoffs handoffs = CoreConfiguration.handoffsOver(stores, redactor, properties, knowledge, clock, ConversationObserver.all(),
                teams, properties.agents().roster(new InMemoryDirectoryAgents()), EarlierConversations.ofTheVisitorIn(conversations));
        BatonProperties.Inbox inboxSettings = properties.inbox();
        InboxRecorder inbox = new InboxRecorder(new InMemoryTrainerInbox(clock, inboxSettings.limits()), redactor, clock,
                inboxSettings.lowMargin(), inboxSettings.buffer());
        ConversationEngine engine = CoreConfiguration.engineOver(stores, knowledge, understanding, properties, handoffs,
                redactor, clock, new InMemoryAnswerRatings(clock, retention.conversations()), inbox);
        ConversationFeeds feeds = new ConversationFeeds(events, properties.sockets().maxUnsentFrames());
        return new MessagePathWarmUp.Rig(engine, feeds, () -> {
            feeds.close();
            inbox.close();
        });
    }
}
