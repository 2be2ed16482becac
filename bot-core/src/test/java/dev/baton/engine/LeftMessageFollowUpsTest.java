package dev.baton.engine;

import dev.baton.events.ConversationEvent;
import dev.baton.handoff.EmailOutbox;
import dev.baton.handoff.FollowUp;
import dev.baton.handoff.FollowUpRefusedException;
import dev.baton.handoff.LeftMessage;
import dev.baton.store.SettableClock;
import dev.baton.store.memory.InMemoryLeftMessages;
import dev.baton.store.memory.InProcessConversationEvents;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class LeftMessageFollowUpsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration KEEP_CONTACT = Duration.ofDays(7);

    private final SettableClock clock = new SettableClock(T0);
    private final InMemoryLeftMessages messages = new InMemoryLeftMessages(clock, Duration.ofDays(30));
    private final InProcessConversationEvents events = new InProcessConversationEvents();
    private final List<EmailOutbox.Email> sent = new CopyOnWriteArrayList<>();
    private RuntimeException mailServerFailure;
    private final EmailOutbox outbox = email -> mailServerFailure != null ? Mono.error(mailServerFailure)
            : Mono.fromRunnable(() -> sent.add(email));
    private final LeftMessageFollowUps followUps = new LeftMessageFollowUps(messages, events, outbox, clock, KEEP_CONTACT);

    @Test
    void anAgentTakesAnOpenMessageAndEveryConsoleHearsOfIt() {
        LeftMessage left = leave("Please call me about order 12345", "+39 333 1234567");
        List<ConversationEvent> heard = new CopyOnWriteArrayList<>();
        events.observe().subscribe(heard::add);

        LeftMessage taken = followUps.claim(left.id(), "alice").block();

        assertThat(taken.followUp()).isEqualTo(FollowUp.claimedBy("alice", T0));
        assertThat(heard).containsExactly(new ConversationEvent.MessageLeft(left.conversationId(), taken));
        assertThat(followUps.claim(left.id(), "alice").block()).isEqualTo(taken);
    }

    @Test
    void aMessageOneAgentTookIsRefusedToAnother() {
        LeftMessage left = leave("Please call me", "+39 333 1234567");
        followUps.claim(left.id(), "alice").block();

        StepVerifier.create(followUps.claim(left.id(), "bruno")).verifyErrorSatisfies(e -> assertRefused(e, "claimed_by_another"));
        StepVerifier.create(followUps.markHandled(left.id(), "bruno", "called")).verifyErrorSatisfies(e -> assertRefused(e, "claimed_by_another"));
        StepVerifier.create(followUps.replyByEmail(left.id(), "bruno", "Bruno", "Hi")).verifyErrorSatisfies(e -> assertRefused(e, "claimed_by_another"));
        assertThat(sent).isEmpty();
    }

    @Test
    void anAnswerByEmailGoesToTheVisitorWithTheirQuestionAndMakesTheMessageDone() {
        LeftMessage left = leave("Dov'è il mio rimborso?", " maria@example.com ");
        clock.advance(Duration.ofMinutes(5));

        LeftMessage done = followUps.replyByEmail(left.id(), "alice", "Alice", "Il rimborso è partito oggi.").block();

        assertThat(sent).containsExactly(new EmailOutbox.Email("maria@example.com", "it", "Il rimborso è partito oggi.",
                "Dov'è il mio rimborso?", "Alice"));
        assertThat(done.followUp()).isEqualTo(FollowUp.emailedBy("alice", T0.plus(Duration.ofMinutes(5))));
        assertThat(messages.all().blockFirst()).isEqualTo(done);
    }

    @Test
    void aMessageWithOnlyAPhoneNumberCannotBeAnsweredByEmailButStaysWithTheAgent() {
        LeftMessage left = leave("Call me", "+39 333 1234567");

        StepVerifier.create(followUps.replyByEmail(left.id(), "alice", "Alice", "Hello"))
                .verifyErrorSatisfies(e -> assertRefused(e, "no_email_contact"));

        assertThat(sent).isEmpty();
        assertThat(messages.all().blockFirst().followUp().agent()).contains("alice");
    }

    @Test
    void anEmailTheMailServerRefusedLeavesTheMessageOpenToTheSameAgent() {
        LeftMessage left = leave("Where is my parcel?", "p@example.com");
        mailServerFailure = new IllegalStateException("550 mailbox unavailable");

        StepVerifier.create(followUps.replyByEmail(left.id(), "alice", "Alice", "It ships today"))
                .verifyErrorSatisfies(e -> {
                    assertRefused(e, "email_failed");
                    assertThat(e).hasMessageContaining("550 mailbox unavailable");
                });
        assertThat(messages.all().blockFirst().followUp().status()).isEqualTo(FollowUp.Status.CLAIMED);

        mailServerFailure = null;
        assertThat(followUps.replyByEmail(left.id(), "alice", "Alice", "It ships today").block().followUp().status())
                .isEqualTo(FollowUp.Status.EMAILED);
    }

    @Test
    void aMessageHandledAnotherWayKeepsHowAndCannotBeWorkedOnAgain() {
        LeftMessage left = leave("Call me", "+39 333 1234567");

        LeftMessage done = followUps.markHandled(left.id(), "bruno", "  called back, refund confirmed ").block();

        assertThat(done.followUp()).isEqualTo(FollowUp.handledBy("bruno", T0, "called back, refund confirmed"));
        StepVerifier.create(followUps.claim(left.id(), "bruno")).verifyErrorSatisfies(e -> assertRefused(e, "already_done"));
        StepVerifier.create(followUps.markHandled(left.id(), "alice", "again")).verifyErrorSatisfies(e -> assertRefused(e, "already_done"));
    }

    @Test
    void anUnknownMessageIsSaidToBeUnknown() {
        StepVerifier.create(followUps.claim("m-nobody", "alice")).verifyErrorSatisfies(e -> assertRefused(e, "unknown_left_message"));
    }

    @Test
    void theContactOfADoneMessageIsForgottenOnceItsKeepingTimeIsOverAndAnOpenOnesNever() {
        LeftMessage done = leave("Call me", "+39 333 1234567");
        LeftMessage open = leave("Email me", "o@example.com");
        followUps.markHandled(done.id(), "bruno", "called").block();

        clock.advance(KEEP_CONTACT);
        assertThat(followUps.forgetOldContacts().block()).isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(followUps.forgetOldContacts().block()).isEqualTo(1);
        assertThat(messages.all().collectList().block())
                .extracting(LeftMessage::contact)
                .containsExactly(Optional.empty(), Optional.of("o@example.com"));
        assertThat(messages.all().blockFirst().text()).isEqualTo("Call me");
        assertThat(open.followUp()).isEqualTo(FollowUp.open());
    }

    private LeftMessage leave(String text, String contact) {
        LeftMessage left = new LeftMessage(RandomIds.next("m-"), RandomIds.next("c-"), "v-3f9a1c2e", text,
                Optional.of(contact), text.contains("rimborso") ? "it" : "en", clock.instant());
        return messages.save(left).block();
    }

    private static void assertRefused(Throwable e, String code) {
        assertThat(e).isInstanceOf(FollowUpRefusedException.class);
        assertThat(((FollowUpRefusedException) e).code()).isEqualTo(code);
    }
}
