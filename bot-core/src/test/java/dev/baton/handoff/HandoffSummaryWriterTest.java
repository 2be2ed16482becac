package dev.baton.handoff;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.CustomerDetail;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.HandoffSummary;
import dev.baton.conversation.IntentCandidate;
import dev.baton.conversation.Message;
import dev.baton.conversation.Mood;
import dev.baton.conversation.Sender;
import dev.baton.dialogue.MoodReading;
import dev.baton.privacy.CustomerDetailExtractor;
import dev.baton.privacy.PersonalDataRedactor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class HandoffSummaryWriterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T18:00:00Z");

    private final PersonalDataRedactor redactor = new PersonalDataRedactor();
    private final HandoffSummaryWriter writer = new HandoffSummaryWriter(redactor, new CustomerDetailExtractor(redactor),
            id -> id.equals("returns") ? "Returns" : id);

    @Test
    void tellsTheAgentEverythingTheCustomerAlreadySaidWithPersonalDataRedacted() {
        List<IntentCandidate> considered = List.of(new IntentCandidate("refunds", "Refunds", 0.41),
                new IntentCandidate("returns", "Returns", 0.33));
        Conversation conversation = Conversation.start("c-1", "v-12345678", Optional.of("it"), NOW)
                .afterBotTurn("it", false, considered, NOW);
        List<Message> transcript = List.of(
                message(1, Sender.VISITOR, "ciao", Optional.empty()),
                message(2, Sender.VISITOR, "ho reso l'ordine 48213 ma non vedo il rimborso, scrivetemi a giulia@example.org", Optional.empty()),
                message(3, Sender.BOT, "Per i resi…", Optional.of("returns")),
                message(4, Sender.VISITOR, "voglio un operatore", Optional.empty()));

        HandoffSummary summary = writer.write(conversation, transcript, HandoffReason.VISITOR_ASKED, "it", Optional.empty(),
                new MoodReading(Mood.FRUSTRATED, List.of("the same question again")), 2, NOW);

        assertThat(summary.customerWants())
                .isEqualTo("Refunds — “ho reso l'ordine 48213 ma non vedo il rimborso, scrivetemi a g***@example.org”");
        assertThat(summary.intents()).isEqualTo(considered);
        assertThat(summary.reason()).isEqualTo(HandoffReason.VISITOR_ASKED);
        assertThat(summary.language()).isEqualTo("it");
        assertThat(summary.mood()).isEqualTo(Mood.FRUSTRATED);
        assertThat(summary.moodSignals()).containsExactly("the same question again");
        assertThat(summary.details()).containsExactly(
                new CustomerDetail("email", "g***@example.org"), new CustomerDetail("order_number", "48213"));
        assertThat(summary.botTried()).containsExactly("Returns");
        assertThat(summary.waitingSince()).isEqualTo(NOW);
        assertThat(summary.previousConversations()).isEqualTo(2);
    }

    @Test
    void quotesTheVisitorWhenTheBotHadNoIdeaWhatTheyWanted() {
        Conversation conversation = Conversation.start("c-1", "v-12345678", Optional.of("en"), NOW);
        List<Message> transcript = List.of(message(1, Sender.VISITOR, "my parrot   ate\nthe parcel", Optional.empty()));

        HandoffSummary summary = writer.write(conversation, transcript, HandoffReason.REPEATED_FAILURE, "en",
                Optional.of("The visitor seems to write in 'de'"), MoodReading.NEUTRAL, 0, NOW);

        assertThat(summary.customerWants()).isEqualTo("“my parrot ate the parcel”");
        assertThat(summary.languageNote()).contains("The visitor seems to write in 'de'");
    }

    private static Message message(long id, Sender from, String text, Optional<String> intent) {
        return new Message(id, "c-1", from, text, List.of(), NOW, Optional.empty(), Optional.empty(), intent, OptionalLong.empty(), Optional.empty());
    }
}
