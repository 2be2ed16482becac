package dev.baton.store.redis;

import dev.baton.store.AuditLogContract;
import dev.baton.audit.AuditLog;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisAuditLogTest extends AuditLogContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected AuditLog newAuditLog() {
        return new RedisAuditLog(redis.nodeA(), redis.keys(), CAPACITY, JsonCodec.withDefaultMapper());
    }

    @Override
    protected AuditLog sameLogOnAnotherNode() {
        return new RedisAuditLog(redis.nodeB(), redis.keys(), CAPACITY, JsonCodec.withDefaultMapper());
    }

    @Override
    protected AuditLog newAuditLogKeeping(int entries) {
        return new RedisAuditLog(redis.nodeA(), redis.keys(), entries, JsonCodec.withDefaultMapper());
    }
}
