package dev.baton.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the inbox store keeps of one wording: every message whose {@linkplain InboxEntry#wordingId() words are the
 * same}, counted, with the latest of them.
 *
 * @param latest          the most recent message of this wording (its text, language, tokens and the bot's guesses)
 * @param count           how many messages had this wording
 * @param reasons         how many of them landed here for each reason
 * @param conversationIds the conversations of the latest few, most recent first
 * @param firstSeen       when the first of them came
 */
public record InboxWording(String id, InboxEntry latest, long count, Map<InboxReason, Long> reasons,
                           List<String> conversationIds, Instant firstSeen) {

    public InboxWording {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(latest, "latest");
        reasons = Map.copyOf(reasons);
        conversationIds = List.copyOf(conversationIds);
        Objects.requireNonNull(firstSeen, "firstSeen");
    }

    public Instant lastSeen() {
        return latest.at();
    }
}
