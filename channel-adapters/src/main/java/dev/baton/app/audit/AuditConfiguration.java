package dev.baton.app.audit;

import dev.baton.audit.AuditLog;
import dev.baton.audit.AuditTrail;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The one {@link AuditTrail} every feature records its actions through, on the store's audit log. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(AuditLog log, Clock clock) {
        return new AuditTrail(log, clock);
    }
}
