package dev.baton.engine;

import dev.baton.events.ConversationEvent;
import dev.baton.events.ConversationEvents;
import dev.baton.handoff.EmailOutbox;
import dev.baton.handoff.FollowUp;
import dev.baton.handoff.FollowUpRefusedException;
import dev.baton.handoff.LeftMessage;
import dev.baton.handoff.LeftMessages;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Messages visitors left, as the agents' work: an agent takes one (so that nobody else answers it too), answers it by
 * email or notes that it was handled another way, and it is done. Every change reaches every console
 * ({@link ConversationEvent.MessageLeft}). A done message keeps the visitor's contact for {@code keepContact}, in
 * case the answer needs a follow-up, and then forgets it.
 */
public final class LeftMessageFollowUps {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final LeftMessages messages;
    private final ConversationEvents events;
    private final EmailOutbox email;
    private final Clock clock;
    private final Duration keepContact;

    public LeftMessageFollowUps(LeftMessages messages, ConversationEvents events, EmailOutbox email, Clock clock,
                                Duration keepContact) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.events = Objects.requireNonNull(events, "events");
        this.email = Objects.requireNonNull(email, "email");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keepContact = Objects.requireNonNull(keepContact, "keepContact");
    }

    /** The agent takes the message; taking one's own again changes nothing. */
    public Mono<LeftMessage> claim(String id, String agent) {
        return change(id, m -> {
            mayWorkOn(m, agent);
            return m.followUp().status() == FollowUp.Status.CLAIMED ? m : m.withFollowUp(FollowUp.claimedBy(agent, clock.instant()));
        });
    }

    /**
     * Emails {@code answer} to the contact the visitor gave, taking the message first if it is open; done once the
     * mail server took the email. Refused when the contact is no email address. A failed send leaves the message
     * the agent's, to try again or handle another way.
     */
    public Mono<LeftMessage> replyByEmail(String id, String agent, String agentName, String answer) {
        String text = MessageText.validated(answer);
        return claim(id, agent).flatMap(claimed -> {
            String to = claimed.contact().filter(c -> EMAIL.matcher(c.strip()).matches())
                    .orElseThrow(() -> new FollowUpRefusedException("no_email_contact",
                            "the visitor left no email address to answer; handle it another way"));
            return email.send(new EmailOutbox.Email(to.strip(), claimed.language(), text, claimed.text(), agentName))
                    .onErrorMap(e -> !(e instanceof FollowUpRefusedException),
                            e -> new FollowUpRefusedException("email_failed", "the email could not be sent: " + e.getMessage(), e))
                    .then(change(id, m -> {
                        mayWorkOn(m, agent);
                        return m.withFollowUp(FollowUp.emailedBy(agent, clock.instant()));
                    }));
        });
    }

    /** The agent dealt with the message another way (a call, say), and notes how. */
    public Mono<LeftMessage> markHandled(String id, String agent, String note) {
        String how = MessageText.validated(note);
        return change(id, m -> {
            mayWorkOn(m, agent);
            return m.withFollowUp(FollowUp.handledBy(agent, clock.instant(), how));
        });
    }

    /** Forgets the contact of each message done longer than {@code keepContact} ago; emits how many. */
    public Mono<Integer> forgetOldContacts() {
        return Mono.defer(() -> {
            Instant cutoff = clock.instant().minus(keepContact);
            return messages.all()
                    .filter(m -> m.contact().isPresent() && m.followUp().done() && m.followUp().since().orElseThrow().isBefore(cutoff))
                    .concatMap(m -> messages.update(m.id(), LeftMessage::withoutContact))
                    .count()
                    .map(Long::intValue);
        });
    }

    private static void mayWorkOn(LeftMessage m, String agent) {
        if (m.followUp().done()) {
            throw new FollowUpRefusedException("already_done", "this left message was dealt with already");
        }
        if (!m.followUp().openTo(agent)) {
            throw new FollowUpRefusedException("claimed_by_another", "another agent has taken this left message");
        }
    }

    private Mono<LeftMessage> change(String id, UnaryOperator<LeftMessage> change) {
        return messages.update(id, change)
                .switchIfEmpty(Mono.error(() -> new FollowUpRefusedException("unknown_left_message",
                        "no left message " + QuotedValue.of(id))))
                .flatMap(changed -> events.publish(new ConversationEvent.MessageLeft(changed.conversationId(), changed))
                        .thenReturn(changed));
    }
}
