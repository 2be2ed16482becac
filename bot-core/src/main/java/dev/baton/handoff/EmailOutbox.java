package dev.baton.handoff;

import reactor.core.publisher.Mono;

/** Sends an agent's answer to a left message by email (SMTP in the application; a test's own server in tests). */
public interface EmailOutbox {

    /**
     * An answer to a visitor's left message.
     *
     * @param to       the visitor's address
     * @param language the visitor's language, for the wording around the answer
     * @param answer   the agent's words
     * @param asked    what the visitor left, quoted below the answer
     * @param agent    the name the agent signs with
     */
    record Email(String to, String language, String answer, String asked, String agent) {
    }

    /** Completes once the mail server took the email; errors when it refused it or could not be reached. */
    Mono<Void> send(Email email);
}
