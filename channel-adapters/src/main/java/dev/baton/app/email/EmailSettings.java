package dev.baton.app.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How agents' answers to left messages are emailed ({@code baton.email.*}); the mail server itself is Spring Boot's
 * {@code spring.mail.*} (host, port, username, password, TLS). Without {@code spring.mail.host} nothing is emailed
 * and agents are told so.
 *
 * @param from      the sender's address, e.g. {@code support@example.com}; required once a mail server is set
 * @param signature the line under the agent's name, e.g. the shop's name; empty for none
 */
@ConfigurationProperties("baton.email")
public record EmailSettings(@DefaultValue("") String from, @DefaultValue("") String signature) {
}
