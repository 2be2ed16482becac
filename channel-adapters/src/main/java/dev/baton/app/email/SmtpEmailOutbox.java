package dev.baton.app.email;

import dev.baton.handoff.EmailOutbox;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/**
 * Emails through Spring's {@link JavaMailSender}, whose SMTP client blocks: each send runs on Reactor's bounded
 * elastic threads, never on an event loop, and gives up after {@link #SEND_TIMEOUT} (the client's own timeouts are
 * set in application.yml, so that no thread stays stuck on a mail server that stopped answering).
 */
final class SmtpEmailOutbox implements EmailOutbox {

    static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final JavaMailSender sender;
    private final EmailSettings settings;

    SmtpEmailOutbox(JavaMailSender sender, EmailSettings settings) {
        if (settings.from().isBlank()) {
            throw new IllegalStateException("baton.email.from must name the sender once spring.mail.host is set");
        }
        this.sender = sender;
        this.settings = settings;
    }

    @Override
    public Mono<Void> send(Email email) {
        return Mono.fromRunnable(() -> {
                    SimpleMailMessage message = new SimpleMailMessage();
                    message.setFrom(settings.from());
                    message.setTo(email.to());
                    message.setSubject(EmailWording.subject(email));
                    message.setText(EmailWording.body(email, settings.signature()));
                    sender.send(message);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(SEND_TIMEOUT)
                .onErrorMap(MailException.class, e -> new IllegalStateException(e.getMostSpecificCause().getMessage(), e))
                .then();
    }
}
