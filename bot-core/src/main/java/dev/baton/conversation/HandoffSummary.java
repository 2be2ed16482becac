package dev.baton.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an agent reads before saying a word, so the customer never has to repeat themselves.
 *
 * @param customerWants         one line: what the customer wants, in their words or the intent's title
 * @param intents               what the bot considered, best first
 * @param languageNote          set when the visitor wrote in a language the bot has no examples for
 * @param moodSignals           what made the bot judge the mood, e.g. "shouting"
 * @param details               order numbers, emails (redacted)… the customer already gave
 * @param botTried              titles of the intents the bot already answered in this conversation
 * @param previousConversations how many earlier conversations this visitor had
 */
public record HandoffSummary(String customerWants,
                             List<IntentCandidate> intents,
                             HandoffReason reason,
                             String language,
                             Optional<String> languageNote,
                             Mood mood,
                             List<String> moodSignals,
                             List<CustomerDetail> details,
                             List<String> botTried,
                             Instant waitingSince,
                             int previousConversations) {

    public HandoffSummary {
        intents = List.copyOf(intents);
        moodSignals = List.copyOf(moodSignals);
        details = List.copyOf(details);
        botTried = List.copyOf(botTried);
    }
}
