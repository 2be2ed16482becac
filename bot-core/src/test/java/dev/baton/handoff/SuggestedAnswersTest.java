package dev.baton.handoff;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.HandoffSummary;
import dev.baton.conversation.IntentCandidate;
import dev.baton.conversation.Mood;
import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestedAnswersTest {

    private static final Instant NOW = Instant.parse("2026-12-02T18:00:00Z");

    private static final IntentDatabase FAQ = new IntentDatabase(List.of(
            intent("returns", Map.of("en", "Returns", "it", "Resi"),
                    Map.of("en", List.of("Returns are free within 30 days."), "it", List.of("I resi sono gratuiti entro 30 giorni."))),
            intent("refunds", Map.of("en", "Refunds"), Map.of("en", List.of("Refunds take 5 days.", "Your refund arrives within 5 days."))),
            new Intent("payment_dispute", Map.of(), Map.of("en", List.of("x")), Map.of("en", List.of("A person will help you.")), List.of(), true),
            intent(Intent.OUT_OF_SCOPE, Map.of(), Map.of("en", List.of("never said")))), "v1");

    private final SuggestedAnswers suggestions = new SuggestedAnswers(() -> FAQ, "en");

    @Test
    void offersTheAnswersOfTheIntentsTheBotConsideredInTheVisitorsLanguageBestFirst() {
        Conversation handedOff = handedOff("it", "returns", "refunds");

        assertThat(suggestions.of(handedOff)).containsExactly(
                new SuggestedAnswer("returns", "Resi", "I resi sono gratuiti entro 30 giorni."),
                // No Italian answer: what the bot itself would say, in the default language.
                new SuggestedAnswer("refunds", "Refunds", "Refunds take 5 days."),
                new SuggestedAnswer("refunds", "Refunds", "Your refund arrives within 5 days."));
    }

    @Test
    void leavesOutIntentsThatOnlyAnnounceAPersonAndTheOutOfScopeClassAndUnknownOnes() {
        Conversation handedOff = handedOff("en", "payment_dispute", Intent.OUT_OF_SCOPE, "deleted_since", "returns");

        assertThat(suggestions.of(handedOff)).extracting(SuggestedAnswer::intent).containsExactly("returns");
    }

    @Test
    void aConversationNeverHandedOffGetsTheAnswersForTheBotsLatestGuesses() {
        Conversation withTheBot = Conversation.start("c-1", "v-12345678", Optional.of("en"), NOW)
                .afterBotTurn("en", false, List.of(new IntentCandidate("returns", "Returns", 0.3)), NOW);

        assertThat(suggestions.of(withTheBot)).extracting(SuggestedAnswer::text).containsExactly("Returns are free within 30 days.");
        assertThat(suggestions.of(Conversation.start("c-2", "v-12345678", Optional.empty(), NOW))).isEmpty();
    }

    private static Conversation handedOff(String language, String... considered) {
        List<IntentCandidate> intents = java.util.Arrays.stream(considered).map(id -> new IntentCandidate(id, id, 0.3)).toList();
        HandoffSummary summary = new HandoffSummary("help", intents, HandoffReason.VISITOR_ASKED, language, Optional.empty(),
                Mood.NEUTRAL, List.of(), List.of(), List.of(), NOW, 0);
        return Conversation.start("c-1", "v-12345678", Optional.of(language), NOW).handOff(summary, NOW);
    }

    private static Intent intent(String id, Map<String, String> titles, Map<String, List<String>> answers) {
        return new Intent(id, titles, Map.of("en", List.of("an example")), answers, List.of(), false);
    }
}
