package dev.baton.app.config;

import dev.baton.app.channel.platform.ChannelSettings;
import dev.baton.app.metrics.TimedConversationStore;
import dev.baton.channel.DeliveryClaims;
import dev.baton.customers.CustomerLinks;
import dev.baton.store.memory.InMemoryCustomerLinks;
import dev.baton.store.memory.InMemoryDeliveryClaims;
import dev.baton.engine.Stores;
import dev.baton.feedback.AnswerRatings;
import dev.baton.inbox.TrainerInbox;
import dev.baton.intents.IntentPublication;
import dev.baton.privacy.ConsentRecords;
import dev.baton.satisfaction.SatisfactionRatings;
import dev.baton.analytics.ConversationOutcomes;
import dev.baton.store.memory.InMemoryConversationOutcomes;
import dev.baton.store.memory.InMemoryAnswerRatings;
import dev.baton.store.memory.InMemorySatisfactionRatings;
import dev.baton.store.memory.InMemoryVisitorContexts;
import dev.baton.conversation.VisitorContexts;
import dev.baton.limits.RateLimiter;
import dev.baton.store.memory.InMemoryRateLimiter;
import dev.baton.store.memory.InMemoryPresence;
import dev.baton.store.memory.InMemoryTrainerInbox;
import dev.baton.store.memory.InMemoryConsentRecords;
import dev.baton.store.memory.InMemoryConversationStore;
import dev.baton.store.SharedSecrets;
import dev.baton.handoff.DirectoryAgents;
import dev.baton.store.memory.InMemoryDirectoryAgents;
import dev.baton.store.memory.InMemoryAuditLog;
import dev.baton.store.memory.InMemorySharedSecrets;
import dev.baton.store.memory.InMemoryCannedResponses;
import dev.baton.canned.CannedResponses;
import dev.baton.store.memory.InMemoryDrafts;
import dev.baton.store.memory.InMemoryIntentPublication;
import dev.baton.store.memory.InMemoryIntentVersions;
import dev.baton.store.memory.InMemoryLeftMessages;
import dev.baton.store.memory.InProcessConversationEvents;
import dev.baton.store.redis.RedisStoreSettings;
import dev.baton.store.redis.RedisStores;
import dev.baton.audit.AuditLog;
import dev.baton.training.Drafts;
import dev.baton.training.IntentVersions;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Duration;

/**
 * Chooses where conversations live: {@code baton.store=memory} (the default; one node, nothing to install) or
 * {@code baton.store=redis} (any number of stateless nodes sharing one Redis).
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    /** The audit log is small and its retention long: an hourly look is plenty. */
    static final Duration AUDIT_RETENTION_PERIOD = Duration.ofHours(1);

    /** Forgets audit entries older than their retention, on whichever store; every node may, each entry goes once. */
    @Bean
    BackgroundWork auditLogRetention(AuditLog audit, BatonProperties properties, Clock clock) {
        Duration retention = properties.retention().auditLog();
        return BackgroundWork.every(AUDIT_RETENTION_PERIOD, "forget old audit entries",
                () -> audit.forgetBefore(clock.instant().minus(retention)));
    }

    /**
     * Takes the agents from the company's directory who have not signed in for their retention off the roster (people
     * who left keep no place on it, nor their names in the store); as rare as the audit log's.
     */
    @Bean
    BackgroundWork directoryAgentsRetention(DirectoryAgents agents, BatonProperties properties, Clock clock) {
        Duration retention = properties.retention().directoryAgents();
        return BackgroundWork.every(AUDIT_RETENTION_PERIOD, "forget directory agents who no longer sign in",
                () -> agents.forgetSignedInBefore(clock.instant().minus(retention)));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "baton.store", havingValue = "memory", matchIfMissing = true)
    static class InMemory {

        /** Evictions also run on writes; this runs them on a node nobody writes to, so that its memory shrinks too. */
        static final Duration EVICTION_PERIOD = Duration.ofMinutes(1);

        // Not a bean of its own: it would be a second ConversationStore next to the one Stores hands out.
        private InMemoryConversationStore conversations;

        @Bean
        Stores stores(BatonProperties properties, Clock clock, MeterRegistry meters) {
            InProcessConversationEvents events = new InProcessConversationEvents();
            BatonProperties.Retention retention = properties.retention();
            conversations = new InMemoryConversationStore(clock, events, retention.conversations(), retention.inMemoryConversations());
            return stores(conversations, events, retention, clock, meters);
        }

        /** The stores of a node that keeps everything in its memory, around {@code conversations}. */
        static Stores stores(InMemoryConversationStore conversations, InProcessConversationEvents events,
                             BatonProperties.Retention retention, Clock clock, MeterRegistry meters) {
            return new Stores(new TimedConversationStore(conversations, meters), conversations.queue(), new InMemoryPresence(clock),
                    new InMemoryLeftMessages(clock, retention.leftMessages()), events, new InMemoryPresence(clock));
        }

        /** Takes the {@link Stores} only to be made after them, which creates the store it evicts from. */
        @Bean
        BackgroundWork inMemoryEviction(Stores stores) {
            return new BackgroundWork(() -> conversations.evictEvery(EVICTION_PERIOD, Schedulers.parallel()));
        }

        @Bean
        IntentPublication intentPublication() {
            return new InMemoryIntentPublication();
        }

        @Bean
        Drafts drafts() {
            return new InMemoryDrafts();
        }

        @Bean
        IntentVersions intentVersions() {
            return new InMemoryIntentVersions();
        }

        @Bean
        AuditLog auditLog() {
            return new InMemoryAuditLog(AuditLog.DEFAULT_ENTRIES);
        }

        @Bean
        CannedResponses cannedResponses() {
            return new InMemoryCannedResponses();
        }

        @Bean
        TrainerInbox trainerInbox(BatonProperties properties, Clock clock) {
            return new InMemoryTrainerInbox(clock, properties.inbox().limits());
        }

        @Bean
        AnswerRatings answerRatings(BatonProperties properties, Clock clock) {
            return new InMemoryAnswerRatings(clock, properties.retention().conversations());
        }

        @Bean
        SharedSecrets sharedSecrets() {
            return new InMemorySharedSecrets();
        }

        @Bean
        DirectoryAgents directoryAgents() {
            return new InMemoryDirectoryAgents();
        }

        @Bean
        SatisfactionRatings satisfactionRatings(BatonProperties properties, Clock clock) {
            return new InMemorySatisfactionRatings(clock, properties.retention().conversations());
        }

        @Bean
        VisitorContexts visitorContexts(BatonProperties properties, Clock clock) {
            BatonProperties.Retention retention = properties.retention();
            return new InMemoryVisitorContexts(clock, retention.conversations(), retention.inMemoryConversations());
        }

        @Bean
        ConversationOutcomes conversationOutcomes(BatonProperties properties) {
            return new InMemoryConversationOutcomes(properties.retention().conversations());
        }

        @Bean
        RateLimiter rateLimiter(BatonProperties properties, Clock clock) {
            return new InMemoryRateLimiter(clock, properties.limits().memoryBuckets());
        }

        @Bean
        ConsentRecords consentRecords(BatonProperties properties, Clock clock) {
            BatonProperties.Retention retention = properties.retention();
            return new InMemoryConsentRecords(clock, retention.conversations(), retention.inMemoryConversations());
        }

        @Bean
        CustomerLinks customerLinks(BatonProperties properties, Clock clock) {
            return new InMemoryCustomerLinks(clock, properties.retention().conversations());
        }

        @Bean
        DeliveryClaims deliveryClaims(ChannelSettings channels, Clock clock) {
            return new InMemoryDeliveryClaims(clock, channels.claimsKeptFor(), channels.claimsInMemory());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "baton.store", havingValue = "redis")
    static class InRedis {

        /** Connects at start-up (a node that cannot reach Redis does not start) and disconnects at shutdown. */
        @Bean(destroyMethod = "close")
        RedisStores redisStores(BatonProperties properties, Clock clock, ObjectMapper mapper) {
            BatonProperties.Redis redis = properties.redis();
            BatonProperties.Retention retention = properties.retention();
            return RedisStores.connect(new RedisStoreSettings(redis.url(), redis.namespace(),
                    redis.retention() == null ? retention.conversations() : redis.retention(),
                    redis.presenceGrace(), redis.commandTimeout(),
                    redis.connections() == null ? RedisStoreSettings.defaultConnections() : redis.connections(),
                    retention.leftMessages(), properties.inbox().limits()), clock, mapper);
        }

        @Bean
        Stores stores(RedisStores redis, MeterRegistry meters) {
            return new Stores(new TimedConversationStore(redis.conversations(), meters), redis.queue(), redis.presence(), redis.leftMessages(), redis.events(),
                    redis.visitorPresence());
        }

        /** Closed with the stores, not on its own. */
        @Bean(destroyMethod = "")
        IntentPublication intentPublication(RedisStores redis) {
            return redis.intents();
        }

        @Bean
        SharedSecrets sharedSecrets(RedisStores redis) {
            return redis.secrets();
        }

        @Bean
        DirectoryAgents directoryAgents(RedisStores redis) {
            return redis.directoryAgents();
        }

        @Bean
        Drafts drafts(RedisStores redis) {
            return redis.drafts();
        }

        @Bean
        IntentVersions intentVersions(RedisStores redis) {
            return redis.intentVersions();
        }

        @Bean
        AuditLog auditLog(RedisStores redis) {
            return redis.auditLog();
        }

        @Bean
        CannedResponses cannedResponses(RedisStores redis) {
            return redis.cannedResponses();
        }

        @Bean
        ConsentRecords consentRecords(RedisStores redis) {
            return redis.consents();
        }

        @Bean
        CustomerLinks customerLinks(RedisStores redis) {
            return redis.customerLinks();
        }

        @Bean
        TrainerInbox trainerInbox(RedisStores redis) {
            return redis.inbox();
        }

        @Bean
        AnswerRatings answerRatings(RedisStores redis) {
            return redis.ratings();
        }

        @Bean
        SatisfactionRatings satisfactionRatings(RedisStores redis) {
            return redis.satisfaction();
        }

        @Bean
        VisitorContexts visitorContexts(RedisStores redis) {
            return redis.visitorContexts();
        }

        @Bean
        ConversationOutcomes conversationOutcomes(RedisStores redis) {
            return redis.outcomes();
        }

        @Bean
        RateLimiter rateLimiter(RedisStores redis) {
            return redis.rateLimiter();
        }

        @Bean
        DeliveryClaims deliveryClaims(RedisStores redis, ChannelSettings channels) {
            return redis.deliveryClaims(channels.claimsKeptFor());
        }

        @Bean
        RedisHealthIndicator redisHealthIndicator(RedisStores redis) {
            return new RedisHealthIndicator(redis);
        }
    }
}
