package dev.baton.store.redis;

import dev.baton.customers.CustomerLinks;
import dev.baton.store.CustomerLinksContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class RedisCustomerLinksTest extends CustomerLinksContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected CustomerLinks newLinks() {
        return new RedisCustomerLinks(redis.nodeA(), redis.keys(), RETENTION);
    }

    @Override
    protected CustomerLinks sameLinksOnAnotherNode() {
        return new RedisCustomerLinks(redis.nodeB(), redis.keys(), RETENTION);
    }

    @Test
    void everyKeyOfACustomerExpiresWithinTheRetention() {
        links.link("whatsapp:393331234567", "phone/331234567", "cu-1").block();

        RedisKeys.CustomerLinkKeys keys = redis.keys().customerLinks();
        assertThat(redis.inspect().pttl(keys.member("whatsapp:393331234567"))).isBetween(1L, RETENTION.toMillis());
        assertThat(redis.inspect().pttl(keys.member("phone/331234567"))).isBetween(1L, RETENTION.toMillis());
        assertThat(redis.inspect().pttl(keys.customer("cu-1"))).isBetween(1L, RETENTION.toMillis());
    }

    @Test
    void aMergedCustomerLeavesNoKeyBehind() {
        links.link("whatsapp:393331234567", "phone/331234567", "cu-phone").block();
        links.link("app:anna", "email/anna@example.com", "cu-email").block();

        links.link("app:anna", "whatsapp:393331234567", "cu-unused").block();

        assertThat(redis.inspect().exists(redis.keys().customerLinks().customer("cu-email"))).isZero();
    }
}
