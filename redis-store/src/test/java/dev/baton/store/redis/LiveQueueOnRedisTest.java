package dev.baton.store.redis;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.HandoffSummary;
import dev.baton.conversation.Mood;
import dev.baton.dialogue.BotPhrases;
import dev.baton.engine.Handoffs;
import dev.baton.engine.LiveQueue;
import dev.baton.engine.Stores;
import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.BusinessHours;
import dev.baton.handoff.Teams;
import dev.baton.handoff.HandoffSummaryWriter;
import dev.baton.handoff.WaitEstimator;
import dev.baton.observation.ConversationLog;
import dev.baton.privacy.CustomerDetailExtractor;
import dev.baton.privacy.PersonalDataRedactor;
import dev.baton.store.memory.InMemoryLeftMessages;
import dev.baton.store.memory.InMemoryPresence;
import dev.baton.store.memory.InProcessConversationEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The node's view of the queue on Redis, where reading the queue and its conversations share a connection. */
class LiveQueueOnRedisTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Test
    void aQueueLongerThanTheReadsInFlightIsReadWhole() {
        RedisConversationStore conversations = new RedisConversationStore(redis.nodeA(), redis.keys(), Clock.systemUTC(), Duration.ofDays(30));
        InProcessConversationEvents events = new InProcessConversationEvents();
        Stores stores = new Stores(conversations, new RedisAgentQueue(redis.nodeA(), redis.keys()), new InMemoryPresence(Clock.systemUTC()),
                new InMemoryLeftMessages(Clock.systemUTC(), Duration.ofDays(30)), events, new InMemoryPresence(Clock.systemUTC()));
        HandoffSummary summary = new HandoffSummary("Refunds", List.of(), HandoffReason.VISITOR_ASKED, "en", Optional.empty(),
                Mood.NEUTRAL, List.of(), List.of(), List.of(), NOW, 0);
        Flux.range(1, 200)
                .concatMap(i -> conversations.create(Conversation.start("c-" + i, "v-visitor-" + i, Optional.of("en"), NOW))
                        .flatMap(c -> conversations.update(c.id(), current -> current.handOff(summary, NOW))))
                .blockLast(Duration.ofSeconds(30));
        PersonalDataRedactor redactor = new PersonalDataRedactor();
        Handoffs handoffs = new Handoffs(stores, new HandoffSummaryWriter(redactor, new CustomerDetailExtractor(redactor), id -> id),
                new WaitEstimator(Duration.ofMinutes(3)), new BotPhrases(), "en", Clock.systemUTC(), new ConversationLog(),
                Teams.none(BusinessHours.always()), new AgentRoster(List.of()));

        LiveQueue queue = redis.closeAfterTest(new LiveQueue(stores, handoffs, Duration.ofMillis(100), Duration.ofSeconds(30),
                Schedulers.parallel()));

        // Streaming the ids into the conversations' reads stalled the connection until every command timed out.
        StepVerifier.create(queue.observe().next())
                .assertNext(snapshot -> org.assertj.core.api.Assertions.assertThat(snapshot.waiting()).hasSize(200))
                .expectComplete()
                .verify(Duration.ofSeconds(20));
    }
}
