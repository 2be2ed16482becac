package dev.baton.rights;

import dev.baton.handoff.LeftMessage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything Baton holds about one visitor (their right of access): their conversations with every message, consent
 * and rating, and the messages they left for the agents.
 */
public record VisitorData(String visitorId, Instant exportedAt, List<ConversationData> conversations,
                          List<LeftMessage> leftMessages) {

    public VisitorData {
        Objects.requireNonNull(visitorId, "visitorId");
        Objects.requireNonNull(exportedAt, "exportedAt");
        conversations = List.copyOf(conversations);
        leftMessages = List.copyOf(leftMessages);
    }

    /** The same data without what only agents ever see (internal notes): what the visitor's own widget downloads. */
    public VisitorData asTheVisitorSeesIt() {
        return new VisitorData(visitorId, exportedAt, conversations.stream().map(ConversationData::asTheVisitorSeesIt).toList(),
                leftMessages);
    }
}
