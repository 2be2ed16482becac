package dev.baton.app.wire;

import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Conversation;
import dev.baton.events.ConversationEvent;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.HandoffSummary;
import dev.baton.conversation.Mood;
import dev.baton.conversation.Sender;
import dev.baton.handoff.LeftMessage;
import dev.baton.store.memory.InProcessConversationEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Each socket hears the events it needs and no others. */
class ConversationFeedsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final InProcessConversationEvents events = new InProcessConversationEvents();
    private final ConversationFeeds feeds = new ConversationFeeds(events, 100);
    private final Sinks.Many<String> opened = Sinks.many().unicast().onBackpressureBuffer();
    private final List<ConversationEvent> heard = new CopyOnWriteArrayList<>();
    private final Disposable console = feeds.observeConsole("alice", opened.asFlux()).subscribe(heard::add);

    @AfterEach
    void close() {
        console.dispose();
        feeds.close();
    }

    @Test
    void aConsoleHearsTheConversationsItOpenedFromThenOn() {
        publish(new ConversationEvent.Typing("c-1", Sender.VISITOR));
        opened.tryEmitNext("c-1");
        ConversationEvent typing = new ConversationEvent.Typing("c-1", Sender.VISITOR);
        publish(typing);
        publish(new ConversationEvent.Typing("c-2", Sender.VISITOR));

        assertThat(heard).containsExactly(typing);
    }

    @Test
    void aConsoleHearsWhatHappensToItsAgentsConversationsOnceAndNotToOthers() {
        opened.tryEmitNext("c-open");
        ConversationEvent.StateChanged toAlice = assigned("c-new", "alice");
        ConversationEvent.StateChanged openAndAlices = assigned("c-open", "alice");
        publish(toAlice);
        publish(assigned("c-other", "bruno"));
        publish(openAndAlices);

        assertThat(heard).containsExactly(toAlice, openAndAlices);
    }

    @Test
    void everyConsoleHearsOfLeftMessagesAndNoneOfQueueChanges() {
        ConversationEvent left = new ConversationEvent.MessageLeft("c-9",
                new LeftMessage("l-1", "c-9", "v-12345678", "call me", Optional.empty(), "en", NOW));
        publish(new ConversationEvent.QueueChanged("c-9"));
        publish(left);

        assertThat(heard).containsExactly(left);
    }

    @Test
    void aConsoleThatLeftHearsNothingMore() {
        opened.tryEmitNext("c-1");
        console.dispose();

        publish(new ConversationEvent.Typing("c-1", Sender.VISITOR));
        publish(assigned("c-2", "alice"));

        assertThat(heard).isEmpty();
    }

    private void publish(ConversationEvent event) {
        events.publish(event).block();
    }

    private static ConversationEvent.StateChanged assigned(String id, String agent) {
        HandoffSummary summary = new HandoffSummary("Refunds", List.of(), HandoffReason.VISITOR_ASKED, "en", Optional.empty(),
                Mood.NEUTRAL, List.of(), List.of(), List.of(), NOW, 0);
        Conversation conversation = Conversation.start(id, "v-12345678", Optional.of("en"), NOW)
                .handOff(summary, NOW).assign(new AgentRef(agent, agent), NOW);
        return new ConversationEvent.StateChanged(id, conversation);
    }
}
