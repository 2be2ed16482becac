package dev.baton.store.redis;

import dev.baton.conversation.Conversation;
import dev.baton.events.ConversationEvent;
import dev.baton.events.ConversationEvents;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Message;
import dev.baton.conversation.QueueRepair;
import dev.baton.handoff.AgentQueue;
import dev.baton.store.ConversationStoreContract;
import dev.baton.store.Fixtures;
import io.lettuce.core.Range;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.function.Tuple2;
import org.awaitility.Awaitility;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.baton.store.Fixtures.ALICE;

import static dev.baton.store.Fixtures.T0;
import static dev.baton.store.Fixtures.conversation;
import static dev.baton.store.Fixtures.visitorSays;
import static dev.baton.store.Fixtures.waiting;
import static org.assertj.core.api.Assertions.assertThat;

class RedisConversationStoreTest extends ConversationStoreContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RETENTION = Duration.ofDays(30);

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected ConversationStore newStore() {
        return new RedisConversationStore(redis.nodeA(), redis.keys(), Clock.systemUTC(), RETENTION);
    }

    @Override
    protected ConversationEvents eventsOnAnotherNode() {
        RedisConversationEvents events = redis.closeAfterTest(
                new RedisConversationEvents(redis.nodeB(), redis.newPubSub(false), redis.keys()));
        events.ready().block(TIMEOUT);
        return events;
    }

    @Override
    protected AgentQueue queue() {
        return new RedisAgentQueue(redis.nodeB(), redis.keys());
    }

    @Override
    protected ConversationStore sameDataOnAnotherNode() {
        return new RedisConversationStore(redis.nodeB(), redis.keys(), Clock.systemUTC(), RETENTION);
    }

    private List<String> conversationKeys(String id) {
        RedisKeys keys = redis.keys();
        return List.of(keys.conversation(id), keys.messageCounter(id), keys.transcript(id), keys.clientMessageIds(id),
                keys.replies(id));
    }

    @Test
    void theNodeThatStoresAMessageHearsTheMessageItWroteWhereAnotherNodeReadsAnEqualOneFromItsJson() {
        PublishedEvents published = new PublishedEvents();
        JsonCodec json = JsonCodec.withDefaultMapper();
        RedisConversationStore storing = new RedisConversationStore(ConversationConnections.single(redis.nodeA()),
                redis.keys(), Clock.systemUTC(), RETENTION, json, published);
        RedisConversationEvents here = redis.closeAfterTest(new RedisConversationEvents(
                ConversationConnections.single(redis.nodeA()), redis.newPubSub(true), redis.keys(), json, published));
        here.ready().block(TIMEOUT);
        ConversationEvents there = eventsOnAnotherNode();
        Conversation c = storing.create(conversation("v-visitor-1", T0)).block(TIMEOUT);
        CompletableFuture<Tuple2<Message, Message>> heard = Mono.zip(messageAddedTo(here, c), messageAddedTo(there, c))
                .toFuture();

        Message stored = storing.appendOnce(c.id(), visitorSays("hello", "m1")).block(TIMEOUT).message();

        assertThat(heard).succeedsWithin(TIMEOUT).satisfies(both -> {
            assertThat(both.getT1()).isSameAs(stored);
            assertThat(both.getT2()).isEqualTo(stored).isNotSameAs(stored);
        });
    }

    private static Mono<Message> messageAddedTo(ConversationEvents events, Conversation c) {
        return events.observe().ofType(ConversationEvent.MessageAdded.class)
                .filter(added -> added.conversationId().equals(c.id())).next().map(ConversationEvent.MessageAdded::message);
    }

    @Test
    void aMessageIsStoredExactlyAsTheCodecWroteItAndANodeThatMissedEarlierOnesStoresItsOwnAfterThem() {
        Conversation c = store.create(conversation("v-visitor-1", T0)).block(TIMEOUT);
        store.append(c.id(), visitorSays("hello")).block(TIMEOUT);
        store.append(c.id(), visitorSays("anyone there?")).block(TIMEOUT);

        // The other node has seen none of the two: it writes its message as the first, and is told to write it again.
        Message answer = otherNode.append(c.id(), Fixtures.botAnswer().replyingTo(2)).block(TIMEOUT);

        assertThat(answer.id()).isEqualTo(3);
        assertThat(redis.inspect().zrangebyscore(redis.keys().transcript(c.id()), Range.create(3, 3)))
                .containsExactly(JsonCodec.withDefaultMapper().encode(answer));
    }

    @Test
    void resolvingAConversationMakesAllItsKeysExpireAfterTheRetention() {
        Conversation c = store.create(waiting("v-visitor-1", T0)).block(TIMEOUT);
        store.append(c.id(), visitorSays("hello", "m1")).block(TIMEOUT);
        store.append(c.id(), Fixtures.botAnswer().replyingTo(1)).block(TIMEOUT);
        store.update(c.id(), current -> current.assign(ALICE, T0.plusSeconds(3))).block(TIMEOUT);
        RedisCommands<String, String> inspect = redis.inspect();
        assertThat(conversationKeys(c.id())).allSatisfy(key -> assertThat(inspect.pttl(key)).as(key).isEqualTo(-1L));

        store.update(c.id(), current -> current.resolve(T0.plusSeconds(4))).block(TIMEOUT);

        assertThat(conversationKeys(c.id())).allSatisfy(key -> assertThat(inspect.pttl(key)).as(key)
                .isBetween(RETENTION.minusMinutes(1).toMillis(), RETENTION.toMillis()));
        assertThat(inspect.exists(redis.keys().agentConversations("alice"))).isZero();
    }

    @Test
    void aMessageAddedAfterResolvingExpiresWithTheConversation() {
        Conversation c = store.create(conversation("v-visitor-1", T0)).block(TIMEOUT);
        store.update(c.id(), current -> current.resolve(T0.plusSeconds(1))).block(TIMEOUT);

        otherNode.append(c.id(), visitorSays("one more thing", "m1")).block(TIMEOUT);
        otherNode.append(c.id(), Fixtures.botAnswer().replyingTo(1)).block(TIMEOUT);

        RedisCommands<String, String> inspect = redis.inspect();
        assertThat(conversationKeys(c.id())).allSatisfy(key -> assertThat(inspect.pttl(key)).as(key)
                .isBetween(RETENTION.minusMinutes(1).toMillis(), RETENTION.toMillis()));
    }

    @Test
    void expiredConversationsDropOutOfTheVisitorsListWhenRead() {
        RedisConversationStore shortLived = new RedisConversationStore(redis.nodeA(), redis.keys(), Clock.systemUTC(),
                Duration.ofMillis(300));
        Conversation gone = shortLived.create(conversation("v-visitor-1", T0)).block(TIMEOUT);
        Conversation open = shortLived.create(waiting("v-visitor-1", T0.plusSeconds(60))).block(TIMEOUT);
        shortLived.append(gone.id(), visitorSays("bye")).block(TIMEOUT);
        shortLived.update(gone.id(), c -> c.resolve(T0.plusSeconds(1))).block(TIMEOUT);

        Awaitility.await("the resolved conversation expires").atMost(Duration.ofSeconds(10))
                .until(() -> redis.inspect().exists(redis.keys().conversation(gone.id())) == 0);

        StepVerifier.create(shortLived.ofVisitor("v-visitor-1")).expectNext(open).verifyComplete();
        assertThat(redis.inspect().zrange(redis.keys().visitorConversations("v-visitor-1"), 0, -1)).containsExactly(open.id());
        assertThat(conversationKeys(gone.id())).allSatisfy(key -> assertThat(redis.inspect().exists(key)).as(key).isZero());
    }

    @Test
    void theVisitorsListExpiresOnlyARetentionAfterTheirLastConversationWithAPersonIsResolved() {
        String index = redis.keys().visitorConversations("v-visitor-1");
        RedisCommands<String, String> inspect = redis.inspect();
        Conversation first = store.create(waiting("v-visitor-1", T0)).block(TIMEOUT);
        Conversation second = otherNode.create(waiting("v-visitor-1", T0.plusSeconds(1))).block(TIMEOUT);

        store.update(first.id(), c -> c.resolve(T0.plusSeconds(2))).block(TIMEOUT);
        assertThat(inspect.pttl(index)).as("while the second waits").isEqualTo(-1L);

        otherNode.update(second.id(), c -> c.resolve(T0.plusSeconds(3))).block(TIMEOUT);
        assertThat(inspect.pttl(index)).isBetween(RETENTION.minusMinutes(1).toMillis(), RETENTION.toMillis());
        assertThat(inspect.exists(redis.keys().visitorOpenConversations("v-visitor-1"))).isZero();

        store.create(waiting("v-visitor-1", T0.plusSeconds(4))).block(TIMEOUT);
        assertThat(inspect.pttl(index)).as("after the visitor came back to a person").isEqualTo(-1L);
    }

    @Test
    void aChangeAnotherNodeMadePossibleIsNotRefusedOnWhatThisNodeLastSaw() {
        Conversation c = store.create(conversation("v-visitor-1", T0)).block(TIMEOUT);
        otherNode.update(c.id(), current -> current.handOff(Fixtures.summary(), T0.plusSeconds(1))).block(TIMEOUT);

        // This node last saw the conversation with the bot, where stopping to wait is no transition at all.
        Conversation back = store.update(c.id(), current -> current.stopWaiting(T0.plusSeconds(2))).block(TIMEOUT);

        assertThat(back.state()).isEqualTo(ConversationState.BOT);
    }

    @Test
    void aConversationLeftWithTheBotExpiresARetentionAfterItsLastTurnAndAPersonKeepsItForAsLongAsItTakes() {
        RedisCommands<String, String> inspect = redis.inspect();
        String index = redis.keys().visitorConversations("v-visitor-1");
        Conversation c = store.create(conversation("v-visitor-1", T0)).block(TIMEOUT);
        store.append(c.id(), visitorSays("do you ship to Malta", "m1")).block(TIMEOUT);
        store.update(c.id(), current -> current.afterBotTurn("shipping", true, List.of(), T0.plusSeconds(1))).block(TIMEOUT);
        store.append(c.id(), Fixtures.botAnswer().replyingTo(1)).block(TIMEOUT);

        assertThat(conversationKeys(c.id())).allSatisfy(key -> assertThat(inspect.pttl(key)).as(key)
                .isBetween(RETENTION.minusMinutes(1).toMillis(), RETENTION.toMillis()));
        assertThat(inspect.pttl(index)).as("the visitor's list outlives it").isBetween(RETENTION.minusMinutes(1).toMillis(), RETENTION.toMillis());

        otherNode.update(c.id(), current -> current.handOff(Fixtures.summary(), T0.plusSeconds(2))).block(TIMEOUT);
        assertThat(conversationKeys(c.id())).as("waiting for a person").allSatisfy(key -> assertThat(inspect.pttl(key)).as(key).isEqualTo(-1L));
        assertThat(inspect.pttl(index)).isEqualTo(-1L);

        store.update(c.id(), current -> current.stopWaiting(T0.plusSeconds(3))).block(TIMEOUT);
        assertThat(conversationKeys(c.id())).as("back with the bot").allSatisfy(key -> assertThat(inspect.pttl(key)).as(key)
                .isBetween(RETENTION.minusMinutes(1).toMillis(), RETENTION.toMillis()));
        assertThat(inspect.exists(redis.keys().visitorOpenConversations("v-visitor-1"))).isZero();
    }

    @Test
    void aBotTurnSetsTheRetentionAgainOnlyOnceAHundredthOfItHasRunDown() {
        RedisCommands<String, String> inspect = redis.inspect();
        Conversation c = store.create(conversation("v-visitor-1", T0)).block(TIMEOUT);
        store.append(c.id(), visitorSays("do you ship to Malta", "m1")).block(TIMEOUT);
        store.append(c.id(), Fixtures.botAnswer().replyingTo(1)).block(TIMEOUT);

        long lessThanAHundredthAgo = RETENTION.toMillis() - RETENTION.toMillis() / 200;
        conversationKeys(c.id()).forEach(key -> inspect.pexpire(key, lessThanAHundredthAgo));
        store.update(c.id(), current -> current.afterBotTurn("shipping", true, List.of(), T0.plusSeconds(1))).block(TIMEOUT);
        assertThat(conversationKeys(c.id())).as("set less than a hundredth ago").allSatisfy(key ->
                assertThat(inspect.pttl(key)).as(key).isBetween(1L, lessThanAHundredthAgo));

        long moreThanAHundredthAgo = RETENTION.toMillis() - RETENTION.toMillis() / 50;
        conversationKeys(c.id()).forEach(key -> inspect.pexpire(key, moreThanAHundredthAgo));
        store.update(c.id(), current -> current.afterBotTurn("shipping", true, List.of(), T0.plusSeconds(2))).block(TIMEOUT);
        assertThat(conversationKeys(c.id())).as("set again").allSatisfy(key -> assertThat(inspect.pttl(key)).as(key)
                .isBetween(RETENTION.minusMinutes(1).toMillis(), RETENTION.toMillis()));
    }

    @Test
    void aHashMadeByALaterMessageExpiresWithTheConversation() {
        RedisCommands<String, String> inspect = redis.inspect();
        Conversation c = store.create(conversation("v-visitor-1", T0)).block(TIMEOUT);
        store.append(c.id(), visitorSays("hello")).block(TIMEOUT);
        long conversationExpiresIn = RETENTION.toMillis() / 2;
        List.of(redis.keys().conversation(c.id()), redis.keys().messageCounter(c.id()), redis.keys().transcript(c.id()))
                .forEach(key -> inspect.pexpire(key, conversationExpiresIn));

        store.append(c.id(), visitorSays("do you ship to Malta", "m2")).block(TIMEOUT);
        store.append(c.id(), Fixtures.botAnswer().replyingTo(2)).block(TIMEOUT);

        assertThat(conversationKeys(c.id())).allSatisfy(key -> assertThat(inspect.pttl(key)).as(key)
                .isBetween(conversationExpiresIn - Duration.ofMinutes(1).toMillis(), conversationExpiresIn));
    }

    @Test
    void storesConversationsAsVersionedJsonWithACounterForCompareAndSet() {
        Conversation c = store.create(conversation("v-visitor-1", T0)).block(TIMEOUT);
        store.update(c.id(), current -> current.afterBotTurn("it", false, List.of(), T0.plusSeconds(1))).block(TIMEOUT);

        var stored = redis.inspect().hgetall(redis.keys().conversation(c.id()));

        assertThat(stored).containsEntry("version", "2");
        assertThat(stored.get("data")).contains("\"v\":1", "\"id\":\"" + c.id() + "\"", "\"consecutiveFailures\":1");
    }

    @Test
    void everyKeyIsInTheNamespace() {
        Conversation c = store.create(waiting("v-visitor-1", T0)).block(TIMEOUT);
        store.append(c.id(), visitorSays("hello", "m1")).block(TIMEOUT);
        store.append(c.id(), Fixtures.botAnswer().replyingTo(1)).block(TIMEOUT);
        store.update(c.id(), current -> current.assign(ALICE, T0.plusSeconds(3))).block(TIMEOUT);

        assertThat(redis.keysLeft()).containsExactlyInAnyOrder(
                redis.keys().namespace() + "conversation:{" + c.id() + "}",
                redis.keys().namespace() + "conversation:{" + c.id() + "}:message-counter",
                redis.keys().namespace() + "conversation:{" + c.id() + "}:transcript",
                redis.keys().namespace() + "conversation:{" + c.id() + "}:client-message-ids",
                redis.keys().namespace() + "conversation:{" + c.id() + "}:replies",
                redis.keys().namespace() + "visitor:{v-visitor-1}:conversations",
                redis.keys().namespace() + "visitor:{v-visitor-1}:open-conversations",
                redis.keys().namespace() + "agent:{alice}:conversations",
                redis.keys().namespace() + "queue:tickets");
    }

    @Test
    void theQueueCheckRepairsWhatAnOlderVersionOrAHandEditLeftInRedis() {
        RedisCommands<String, String> raw = redis.inspect();
        RedisKeys keys = redis.keys();
        Conversation unqueued = store.create(waiting("v-visitor-1", T0)).block(TIMEOUT);
        Conversation stillQueued = store.create(waiting("v-visitor-2", T0)).block(TIMEOUT);
        Conversation atTheBot = store.create(conversation("v-visitor-3", T0)).block(TIMEOUT);
        raw.zrem(keys.queue(), unqueued.id());
        raw.zadd(keys.queue(), 100, atTheBot.id());
        raw.zadd(keys.queue(), 101, "c-gone");

        StepVerifier.create(otherNode.repairQueue())
                .expectNext(new QueueRepair(atTheBot.id(), QueueRepair.Fault.NOT_WAITING))
                .expectNext(new QueueRepair("c-gone", QueueRepair.Fault.CONVERSATION_GONE))
                .expectNext(new QueueRepair(unqueued.id(), QueueRepair.Fault.NOT_QUEUED))
                .verifyComplete();

        assertThat(raw.zrange(keys.queue(), 0, -1)).containsExactly(stillQueued.id(), unqueued.id());
        StepVerifier.create(store.repairQueue()).verifyComplete();
    }
}
