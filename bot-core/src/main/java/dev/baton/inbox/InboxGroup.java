package dev.baton.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Near-duplicate messages of one language, as the trainer sees them: the wordings whose words overlap enough to be
 * the same question (see {@link Inbox}).
 *
 * @param id              the id of its most frequent wording; any of {@code wordingIds} names the group as well
 * @param text            what the visitors wrote, in the most frequent wording (its latest message)
 * @param count           how many messages the group holds
 * @param reasons         how many of them landed here for each reason
 * @param guesses         the bot's best guesses for the most frequent wording's latest message
 * @param conversationIds the conversations of the latest few messages, most recent first
 * @param variants        the latest text of each other wording in the group, most frequent first
 * @param wordingIds      every wording in the group, most frequent first
 */
public record InboxGroup(String id, String text, String language, long count, Map<InboxReason, Long> reasons,
                         List<IntentGuess> guesses, List<String> conversationIds, Instant firstSeen, Instant lastSeen,
                         List<String> variants, List<String> wordingIds) {

    public InboxGroup {
        reasons = Map.copyOf(reasons);
        guesses = List.copyOf(guesses);
        conversationIds = List.copyOf(conversationIds);
        variants = List.copyOf(variants);
        wordingIds = List.copyOf(wordingIds);
    }
}
