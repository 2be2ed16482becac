package dev.baton.app.privacy;

import dev.baton.app.limits.VisitorLimits;
import dev.baton.customers.Customers;
import dev.baton.engine.Stores;
import dev.baton.conversation.VisitorContexts;
import dev.baton.feedback.AnswerRatings;
import dev.baton.inbox.TrainerInbox;
import dev.baton.privacy.ConsentRecords;
import dev.baton.rights.VisitorDataRights;
import dev.baton.satisfaction.SatisfactionRatings;
import dev.baton.audit.AuditLog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Visitors' rights over their data (access, erasure) and the privacy notice they consent to. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyNoticeSettings.class)
class PrivacyConfiguration {

    @Bean
    VisitorDataRights visitorDataRights(Stores stores, TrainerInbox inbox, SatisfactionRatings satisfaction,
                                        AnswerRatings answerRatings, ConsentRecords consents, AuditLog audit, VisitorLimits limits,
                                        VisitorContexts visitorContexts, Customers customers, Clock clock) {
        return new VisitorDataRights(stores, inbox, satisfaction, answerRatings, consents, audit, limits, visitorContexts, customers, clock);
    }
}
