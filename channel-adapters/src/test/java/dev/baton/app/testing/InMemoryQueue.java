package dev.baton.app.testing;

import dev.baton.app.wire.FrameOutbox;
import dev.baton.app.wire.OutboundFrames;
import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Conversation;
import dev.baton.events.ConversationEvent;
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
import dev.baton.store.memory.InMemoryPresence;
import dev.baton.store.memory.InMemoryConversationStore;
import dev.baton.store.memory.InMemoryLeftMessages;
import dev.baton.store.memory.InProcessConversationEvents;
import reactor.test.scheduler.VirtualTimeScheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A node's queue for unit tests: in-memory stores, the node's {@link LiveQueue} on virtual time, and the steps
 * that move conversations in and out of the queue as the engine does (store, then announce).
 */
public final class InMemoryQueue implements AutoCloseable {

    public static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final InProcessConversationEvents events = new InProcessConversationEvents();
    private final InMemoryConversationStore conversations = new InMemoryConversationStore(Clock.fixed(NOW, ZoneOffset.UTC), events);
    public final Stores stores = new Stores(conversations, conversations.queue(), new InMemoryPresence(Clock.fixed(NOW, ZoneOffset.UTC)),
            new InMemoryLeftMessages(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30)), events,
            new InMemoryPresence(Clock.fixed(NOW, ZoneOffset.UTC)));
    public final OutboundFrames frames = new OutboundFrames(JSON);
    public final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    public final LiveQueue queue;

    public InMemoryQueue() {
        PersonalDataRedactor redactor = new PersonalDataRedactor();
        Handoffs handoffs = new Handoffs(stores, new HandoffSummaryWriter(redactor, new CustomerDetailExtractor(redactor), id -> id),
                new WaitEstimator(Duration.ofMinutes(3)), new BotPhrases(), "en", Clock.fixed(NOW, ZoneOffset.UTC),
                new ConversationLog(), Teams.none(BusinessHours.always()), new AgentRoster(List.of()));
        queue = new LiveQueue(stores, handoffs, INTERVAL, Duration.ofMinutes(1), time);
        time.advanceTime();
    }

    /** Hands a new conversation off: queued at the back with its state, then announced. */
    public Conversation waiting(String id) {
        Conversation started = stores.conversations().create(Conversation.start(id, "v-" + id + "-visitor", Optional.of("en"), NOW)).block();
        HandoffSummary summary = new HandoffSummary("Refunds", List.of(), HandoffReason.VISITOR_ASKED, "en", Optional.empty(),
                Mood.NEUTRAL, List.of(), List.of(), List.of(), NOW, 0);
        Conversation queued = stores.conversations().update(started.id(), c -> c.handOff(summary, NOW)).block();
        events.publish(new ConversationEvent.QueueChanged(id)).block();
        return queued;
    }

    /** An agent takes the conversation: out of the queue, then announced. */
    public Conversation accepted(String id) {
        Conversation taken = stores.conversations().update(id, c -> c.assign(new AgentRef("alice", "Alice"), NOW)).block();
        events.publish(new ConversationEvent.QueueChanged(id)).block();
        return taken;
    }

    /** The agent vanished: the conversation goes back to the front of the queue, then announced. */
    public void requeued(String id) {
        stores.conversations().update(id, c -> c.requeue(NOW)).block();
        events.publish(new ConversationEvent.QueueChanged(id)).block();
    }

    /** Lets the node's queue catch up with every change so far. */
    public void settle() {
        time.advanceTimeBy(INTERVAL);
    }

    /** An outbox whose frames the test reads as they are sent. */
    public static final class Socket {
        public final FrameOutbox outbox;
        public final List<String> sent = new CopyOnWriteArrayList<>();

        public Socket(OutboundFrames frames) {
            outbox = new FrameOutbox(frames, 1000, () -> { });
            outbox.frames().subscribe(sent::add);
        }

        public List<JsonNode> frames() {
            return sent.stream().map(JSON::readTree).toList();
        }
    }

    @Override
    public void close() {
        queue.close();
        time.dispose();
    }
}
