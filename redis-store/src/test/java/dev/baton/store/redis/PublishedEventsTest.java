package dev.baton.store.redis;

import dev.baton.events.ConversationEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedEventsTest {

    private final PublishedEvents published = new PublishedEvents();

    @Test
    void anEventHeardBackIsTheOnePublishedAndIsHeardBackOnlyOnce() {
        ConversationEvent event = queueChanged(1);
        String json = published.publishing(json(1), event);

        assertThat(published.heardBack(new String(json.toCharArray()))).containsSame(event);
        assertThat(published.heardBack(json)).isEmpty();
        assertThat(published.waiting()).isZero();
    }

    @Test
    void jsonThisNodeDidNotPublishIsNotKnown() {
        published.publishing(json(1), queueChanged(1));

        assertThat(published.heardBack(json(2))).isEmpty();
    }

    @Test
    void eventsNeverHeardBackAreForgottenOnceAsManyAsItKeepsWereNewer() {
        published.publishing(json(0), queueChanged(0));
        for (int i = 1; i <= PublishedEvents.CAPACITY + 100; i++) {
            published.publishing(json(i), queueChanged(i));
        }

        assertThat(published.waiting()).isEqualTo(PublishedEvents.CAPACITY);
        assertThat(published.heardBack(json(0))).isEmpty();
        assertThat(published.heardBack(json(100))).isEmpty();
        assertThat(published.heardBack(json(101))).containsInstanceOf(ConversationEvent.QueueChanged.class);
    }

    @Test
    void theSameJsonPublishedTwiceIsHeardBackAsTheLaterEventAndThenForgotten() {
        ConversationEvent later = queueChanged(1);
        published.publishing(json(1), queueChanged(1));
        published.publishing(json(1), later);

        assertThat(published.heardBack(json(1))).containsSame(later);
        assertThat(published.waiting()).isZero();
    }

    private static ConversationEvent queueChanged(int conversation) {
        return new ConversationEvent.QueueChanged("c-" + conversation);
    }

    private static String json(int conversation) {
        return "{\"v\":1,\"conversationId\":\"c-" + conversation + "\",\"type\":\"QueueChanged\"}";
    }
}
