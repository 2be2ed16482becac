package dev.baton.app.email;

import dev.baton.handoff.EmailOutbox.Email;

import java.util.Map;

/**
 * The words around an agent's answer, in the visitor's language (English for one Baton has no words in): a subject,
 * the answer, the agent's name and the signature, and what the visitor wrote, quoted, so they know what it answers.
 */
final class EmailWording {

    private record Words(String subject, String youWrote) {
    }

    private static final Map<String, Words> BY_LANGUAGE = Map.of(
            "en", new Words("Your message to our support team", "You wrote:"),
            "it", new Words("Il tuo messaggio al nostro servizio clienti", "Ci hai scritto:"),
            "lt", new Words("Jūsų žinutė mūsų pagalbos komandai", "Jūs rašėte:"),
            "fa", new Words("پیام شما به تیم پشتیبانی ما", "شما نوشتید:"));

    private EmailWording() {
    }

    static String subject(Email email) {
        return words(email).subject();
    }

    static String body(Email email, String signature) {
        StringBuilder body = new StringBuilder(email.answer()).append("\n\n— ").append(email.agent());
        if (!signature.isBlank()) {
            body.append('\n').append(signature.strip());
        }
        body.append("\n\n").append(words(email).youWrote());
        email.asked().lines().forEach(line -> body.append("\n> ").append(line));
        return body.toString();
    }

    private static Words words(Email email) {
        return BY_LANGUAGE.getOrDefault(email.language(), BY_LANGUAGE.get("en"));
    }
}
