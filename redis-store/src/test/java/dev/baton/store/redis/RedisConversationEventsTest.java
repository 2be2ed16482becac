package dev.baton.store.redis;

import dev.baton.events.ConversationEvent;
import dev.baton.events.ConversationEvents;
import dev.baton.store.ConversationEventsContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Node A publishes and node B observes, through two Lettuce clients as two processes would. */
class RedisConversationEventsTest extends ConversationEventsContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    private RedisConversationEvents bus(boolean onNodeA) {
        RedisConversationEvents events = redis.closeAfterTest(new RedisConversationEvents(
                onNodeA ? redis.nodeA() : redis.nodeB(), redis.newPubSub(onNodeA), redis.keys()));
        events.ready().block(TIMEOUT);
        return events;
    }

    @Override
    protected ConversationEvents newEvents() {
        return bus(true);
    }

    @Override
    protected ConversationEvents sameBusOnAnotherNode() {
        return bus(false);
    }

    @Test
    void aNodeHearsItsOwnEventsToo() {
        ConversationEvent event = everyKindOfEvent().get(1);

        StepVerifier.create(publisher.observe().next())
                .then(() -> publisher.publish(event).block(TIMEOUT))
                .expectNext(event)
                .verifyComplete();
    }

    @Test
    void aNodeTakesBackTheEventItPublishedWhereAnotherNodeReadsAnEqualOneFromItsJson() {
        ConversationEvent event = everyKindOfEvent().get(1);

        StepVerifier.create(Flux.zip(publisher.observe().next(), observer.observe().next()))
                .then(() -> publisher.publish(event).block(TIMEOUT))
                .assertNext(heard -> {
                    assertThat(heard.getT1()).isSameAs(event);
                    assertThat(heard.getT2()).isEqualTo(event).isNotSameAs(event);
                })
                .verifyComplete();
    }

    @Test
    void unreadableEventsAndEventsOfUnknownTypesAreSkipped() {
        ConversationEvent event = everyKindOfEvent().get(0);
        String channel = redis.keys().eventsChannel();

        StepVerifier.create(observer.observe().next())
                .then(() -> {
                    redis.inspect().publish(channel, "not json");
                    redis.inspect().publish(channel, "{\"v\":2,\"type\":\"AgentWaved\",\"conversationId\":\"c-1\"}");
                    publisher.publish(event).block(TIMEOUT);
                })
                .expectNext(event)
                .verifyComplete();
    }

    @Test
    void busesOfDifferentNamespacesDoNotHearEachOther() {
        RedisConversationEvents elsewhere = redis.closeAfterTest(new RedisConversationEvents(
                redis.nodeA(), redis.newPubSub(true), new RedisKeys(redis.keys().namespace() + "other:")));
        elsewhere.ready().block(TIMEOUT);
        ConversationEvent mine = everyKindOfEvent().get(2);
        ConversationEvent theirs = everyKindOfEvent().get(3);

        StepVerifier.create(observer.observe().next())
                .then(() -> {
                    elsewhere.publish(theirs).block(TIMEOUT);
                    publisher.publish(mine).block(TIMEOUT);
                })
                .expectNext(mine)
                .verifyComplete();
    }

    @Test
    void closingABusCompletesItsLocalSubscribers() {
        RedisConversationEvents closing = new RedisConversationEvents(redis.nodeB(), redis.newPubSub(false), redis.keys());
        closing.ready().block(TIMEOUT);

        StepVerifier.create(closing.observe())
                .then(closing::close)
                .verifyComplete();
    }
}
