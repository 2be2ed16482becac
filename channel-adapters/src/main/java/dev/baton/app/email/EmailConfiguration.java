package dev.baton.app.email;

import dev.baton.handoff.EmailOutbox;
import dev.baton.handoff.FollowUpRefusedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import reactor.core.publisher.Mono;

/** Agents' answers to left messages go out by SMTP when a mail server is configured; otherwise agents are told. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailSettings.class)
class EmailConfiguration {

    @Bean
    EmailOutbox emailOutbox(ObjectProvider<JavaMailSender> mailSender, EmailSettings settings) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return email -> Mono.error(new FollowUpRefusedException("email_not_configured",
                    "this installation sends no email (no mail server is configured); handle the message another way"));
        }
        return new SmtpEmailOutbox(sender, settings);
    }
}
