package dev.baton.store.redis;

import dev.baton.intents.IntentPublication;
import dev.baton.store.IntentPublicationContract;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

class RedisIntentPublicationTest extends IntentPublicationContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected IntentPublication newPublication() {
        return onNode(true);
    }

    @Override
    protected IntentPublication samePublicationOnAnotherNode() {
        return onNode(false);
    }

    private static IntentPublication onNode(boolean a) {
        RedisIntentPublication publication = redis.closeAfterTest(new RedisIntentPublication(a ? redis.nodeA() : redis.nodeB(),
                redis.newPubSub(a), redis.keys()));
        publication.ready().block(Duration.ofSeconds(5));
        return publication;
    }
}
