package dev.baton.store.redis;

import dev.baton.engine.Stores;
import dev.baton.inbox.TrainerInbox;
import dev.baton.handoff.LeftMessages;
import dev.baton.store.VisitorDataRightsContract;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access and erasure on the Redis stores, and proof that an erasure leaves nothing of the visitor under any key: neither
 * in a key's name (their rate limit's bucket had their id in its) nor in any value.
 */
class RedisVisitorDataRightsTest extends VisitorDataRightsContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected Installation newInstallation() {
        RedisStores node = redis.closeAfterTest(RedisStores.connect(new RedisStoreSettings(RedisNodes.url(), redis.keys().namespace(),
                RETENTION, Duration.ofSeconds(30), RedisNodes.COMMAND_TIMEOUT, 1, LeftMessages.DEFAULT_RETENTION,
                TrainerInbox.Limits.DEFAULTS), clock, JsonMapper.builder().build()));
        Stores stores = new Stores(node.conversations(), node.queue(), node.presence(), node.leftMessages(), node.events(),
                node.visitorPresence());
        return new Installation(stores, node.inbox(), node.satisfaction(), node.ratings(), node.consents(), node.auditLog(),
                node.rateLimiter(), node.visitorContexts(), node.customerLinks());
    }

    @Test
    void noKeyNameOrValueInTheNamespaceMentionsTheVisitorAfterTheirErasure() {
        List<String> personal = Stream.concat(Stream.of(ANN, ANN_EMAIL, "333 1234567", "c-ann"), ANNS_WORDS.stream()).toList();
        assertThat(everythingStored().toString()).as("the test spreads Ann's data over the stores").contains(personal);

        rights.erase(ANN, ADMIN).block(TIMEOUT);

        Map<String, String> after = everythingStored();
        assertThat(after).as("the other visitor's data stays").isNotEmpty();
        after.forEach((key, value) -> assertThat(key + " " + value).as(key).doesNotContain(personal));
    }

    @Test
    void noLinkKeyRemainsAfterAnAdministratorErasedALinkedCustomer() {
        annLinkedOnWhatsApp();
        assertThat(everythingStored().keySet()).as("the link is stored").anyMatch(key -> key.contains("customers:"));

        rights.erase(ANN, ADMIN).block(TIMEOUT);

        assertThat(everythingStored().keySet()).noneMatch(key -> key.contains("customers:"));
        everythingStored().forEach((key, value) -> assertThat(key + " " + value).as(key)
                .doesNotContain(ANN, ANN_ON_WHATSAPP, "331234567", "cu-ann"));
    }

    /** Every key of the test's namespace with its whole value, whatever its type, as text. */
    private static Map<String, String> everythingStored() {
        RedisCommands<String, String> sync = redis.inspect();
        Map<String, String> stored = new LinkedHashMap<>();
        ScanIterator<String> keys = ScanIterator.scan(sync, ScanArgs.Builder.matches(redis.keys().everything()));
        List<String> all = new ArrayList<>();
        keys.forEachRemaining(all::add);
        for (String key : all) {
            String value = switch (sync.type(key)) {
                case "string" -> sync.get(key);
                case "hash" -> sync.hgetall(key).toString();
                case "list" -> sync.lrange(key, 0, -1).toString();
                case "set" -> sync.smembers(key).toString();
                case "zset" -> sync.zrange(key, 0, -1).toString();
                default -> "(type " + sync.type(key) + ")";
            };
            stored.put(key, value);
        }
        return stored;
    }
}
