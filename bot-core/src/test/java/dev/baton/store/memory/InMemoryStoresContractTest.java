package dev.baton.store.memory;

import dev.baton.events.ConversationEvents;
import dev.baton.conversation.ConversationStore;
import dev.baton.handoff.Presence;
import dev.baton.handoff.AgentQueue;
import dev.baton.handoff.LeftMessages;
import dev.baton.store.PresenceContract;
import dev.baton.store.ConversationEventsContract;
import dev.baton.store.SharedSecrets;
import dev.baton.store.SharedSecretsContract;
import dev.baton.store.DirectoryAgentsContract;
import dev.baton.handoff.DirectoryAgents;
import dev.baton.store.ConversationStoreContract;
import dev.baton.store.IntentPublicationContract;
import dev.baton.intents.IntentPublication;
import dev.baton.store.LeftMessagesContract;
import dev.baton.store.AuditLogContract;
import dev.baton.store.CannedResponsesContract;
import dev.baton.canned.CannedResponses;
import dev.baton.store.DraftsContract;
import dev.baton.store.IntentVersionsContract;
import dev.baton.audit.AuditLog;
import dev.baton.training.Drafts;
import dev.baton.training.IntentVersions;
import dev.baton.feedback.AnswerRatings;
import dev.baton.inbox.TrainerInbox;
import dev.baton.store.AnswerRatingsContract;
import dev.baton.store.SatisfactionRatingsContract;
import dev.baton.store.ConversationOutcomesContract;
import dev.baton.analytics.ConversationOutcomes;
import dev.baton.satisfaction.SatisfactionRatings;
import dev.baton.store.TrainerInboxContract;
import dev.baton.limits.RateLimiter;
import dev.baton.store.RateLimiterContract;
import dev.baton.privacy.ConsentRecords;
import dev.baton.store.ConsentRecordsContract;
import dev.baton.channel.DeliveryClaims;
import dev.baton.customers.CustomerLinks;
import dev.baton.store.CustomerLinksContract;
import dev.baton.conversation.VisitorContext;
import dev.baton.conversation.VisitorContexts;
import dev.baton.store.DeliveryClaimsContract;
import dev.baton.store.SettableClock;
import dev.baton.store.VisitorContextsContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

/** The in-memory stores against the same contracts as the Redis ones; on one node, "another node" is the same object. */
class InMemoryStoresContractTest {

    @Nested
    class ConversationStoreTest extends ConversationStoreContract {
        private final InProcessConversationEvents events = new InProcessConversationEvents();

        @Override
        protected ConversationStore newStore() {
            return new InMemoryConversationStore(Clock.systemUTC(), events);
        }

        @Override
        protected AgentQueue queue() {
            return ((InMemoryConversationStore) store).queue();
        }

        @Override
        protected ConversationEvents eventsOnAnotherNode() {
            return events;
        }

        @Override
        protected ConversationStore sameDataOnAnotherNode() {
            return store;
        }
    }

    @Nested
    class CannedResponsesTest extends CannedResponsesContract {
        @Override
        protected CannedResponses newCannedResponses() {
            return new InMemoryCannedResponses();
        }

        @Override
        protected CannedResponses sameResponsesOnAnotherNode() {
            return canned;
        }
    }

    @Nested
    class PresenceTest extends PresenceContract {
        @Override
        protected Presence newPresence() {
            return new InMemoryPresence(Clock.systemUTC());
        }

        @Override
        protected Presence samePresenceOnAnotherNode() {
            return presence;
        }
    }

    @Nested
    class LeftMessagesTest extends LeftMessagesContract {
        @Override
        protected LeftMessages newLeftMessages() {
            return new InMemoryLeftMessages(clock, RETENTION);
        }

        @Override
        protected LeftMessages sameMessagesOnAnotherNode() {
            return messages;
        }
    }

    @Nested
    class TrainerInboxTest extends TrainerInboxContract {
        @Override
        protected TrainerInbox newInbox() {
            return new InMemoryTrainerInbox(clock, LIMITS);
        }

        @Override
        protected TrainerInbox sameInboxOnAnotherNode() {
            return inbox;
        }
    }

    @Nested
    class AnswerRatingsTest extends AnswerRatingsContract {
        @Override
        protected AnswerRatings newRatings() {
            return new InMemoryAnswerRatings(clock, RETENTION);
        }

        @Override
        protected AnswerRatings sameRatingsOnAnotherNode() {
            return ratings;
        }
    }

    @Nested
    class SharedSecretsTest extends SharedSecretsContract {
        @Override
        protected SharedSecrets newSecrets() {
            return new InMemorySharedSecrets();
        }

        @Override
        protected SharedSecrets sameSecretsOnAnotherNode() {
            return secrets;
        }
    }

    @Nested
    class DirectoryAgentsTest extends DirectoryAgentsContract {
        @Override
        protected DirectoryAgents newDirectoryAgents() {
            return new InMemoryDirectoryAgents();
        }

        @Override
        protected DirectoryAgents sameAgentsOnAnotherNode() {
            return agents;
        }
    }

    @Nested
    class VisitorContextsTest extends VisitorContextsContract {
        @Override
        protected VisitorContexts newContexts() {
            return new InMemoryVisitorContexts(clock, RETENTION, 2);
        }

        @Override
        protected VisitorContexts sameContextsOnAnotherNode() {
            return contexts;
        }

        @Test
        void forgetsAContextOnceTheRetentionPassed() {
            contexts.remember("c-old", new VisitorContext(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("Europe/Rome"))).block();
            clock.advance(RETENTION.plusSeconds(1));

            StepVerifier.create(contexts.of("c-old")).verifyComplete();
        }

        @Test
        void keepsAtMostItsCapacityForgettingTheLeastRecentlyTold() {
            VisitorContext told = new VisitorContext(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("UTC"));
            contexts.remember("c-1", told).block();
            contexts.remember("c-2", told).block();
            contexts.remember("c-1", told).block();
            contexts.remember("c-3", told).block();

            StepVerifier.create(contexts.of("c-2")).verifyComplete();
            StepVerifier.create(contexts.of("c-1")).expectNext(told).verifyComplete();
        }
    }

    @Nested
    class ConversationOutcomesTest extends ConversationOutcomesContract {
        @Override
        protected ConversationOutcomes newOutcomes() {
            return new InMemoryConversationOutcomes(RETENTION);
        }

        @Override
        protected ConversationOutcomes sameOutcomesOnAnotherNode() {
            return outcomes;
        }
    }

    @Nested
    class SatisfactionRatingsTest extends SatisfactionRatingsContract {
        @Override
        protected SatisfactionRatings newRatings() {
            return new InMemorySatisfactionRatings(clock, RETENTION);
        }

        @Override
        protected SatisfactionRatings sameRatingsOnAnotherNode() {
            return ratings;
        }
    }

    @Nested
    class ConversationEventsTest extends ConversationEventsContract {
        @Override
        protected ConversationEvents newEvents() {
            return new InProcessConversationEvents();
        }

        @Override
        protected ConversationEvents sameBusOnAnotherNode() {
            return publisher;
        }
    }

    @Nested
    class DraftsTest extends DraftsContract {
        @Override
        protected Drafts newDrafts() {
            return new InMemoryDrafts();
        }

        @Override
        protected Drafts sameDraftsOnAnotherNode() {
            return drafts;
        }
    }

    @Nested
    class IntentVersionsTest extends IntentVersionsContract {
        @Override
        protected IntentVersions newVersions() {
            return new InMemoryIntentVersions();
        }

        @Override
        protected IntentVersions sameVersionsOnAnotherNode() {
            return versions;
        }
    }

    @Nested
    class AuditLogTest extends AuditLogContract {
        @Override
        protected AuditLog newAuditLog() {
            return new InMemoryAuditLog(CAPACITY);
        }

        @Override
        protected AuditLog sameLogOnAnotherNode() {
            return audit;
        }

        @Override
        protected AuditLog newAuditLogKeeping(int entries) {
            return new InMemoryAuditLog(entries);
        }
    }

    @Nested
    class IntentPublicationTest extends IntentPublicationContract {
        @Override
        protected IntentPublication newPublication() {
            return new InMemoryIntentPublication();
        }

        @Override
        protected IntentPublication samePublicationOnAnotherNode() {
            return publication;
        }
    }

    @Nested
    class RateLimiterTest extends RateLimiterContract {
        @Override
        protected RateLimiter newLimiter() {
            return new InMemoryRateLimiter(clock, 1_000);
        }

        @Override
        protected RateLimiter sameBucketsOnAnotherNode() {
            return limiter;
        }
    }

    @Nested
    class ConsentRecordsTest extends ConsentRecordsContract {
        @Override
        protected ConsentRecords newConsents() {
            return new InMemoryConsentRecords(clock, RETENTION, 1_000);
        }

        @Override
        protected ConsentRecords sameConsentsOnAnotherNode() {
            return consents;
        }
    }

    @Nested
    class CustomerLinksTest extends CustomerLinksContract {
        @Override
        protected CustomerLinks newLinks() {
            return new InMemoryCustomerLinks(clock, RETENTION);
        }

        @Override
        protected CustomerLinks sameLinksOnAnotherNode() {
            return links;
        }

        @Test
        void aCustomerIsForgottenOnceTheRetentionPassedSinceItsLatestLink() {
            links.link("whatsapp:393331234567", "phone/331234567", "cu-1").block();
            clock.advance(RETENTION.minusDays(1));
            links.link("visitor-abc123", "phone/331234567", "cu-unused").block();
            clock.advance(RETENTION.minusDays(1));

            StepVerifier.create(links.customerOf("whatsapp:393331234567")).expectNext("cu-1").verifyComplete();

            clock.advance(Duration.ofDays(1));

            StepVerifier.create(links.customerOf("whatsapp:393331234567")).verifyComplete();
            StepVerifier.create(links.membersOf("cu-1")).verifyComplete();
        }
    }

    @Nested
    class DeliveryClaimsTest extends DeliveryClaimsContract {
        private final SettableClock clock = new SettableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));

        @Override
        protected DeliveryClaims newClaims() {
            return new InMemoryDeliveryClaims(clock, Duration.ofMinutes(5), 1_000);
        }

        @Override
        protected DeliveryClaims sameClaimsOnAnotherNode() {
            return claims;
        }

        @Test
        void aClaimIsForgottenOnceTheTimeItIsKeptForHasPassed() {
            claims.claim("in:telegram:42").block();

            clock.advance(Duration.ofMinutes(5).plusSeconds(1));

            assertThat(claims.claim("in:telegram:42").block()).isTrue();
        }
    }
}
