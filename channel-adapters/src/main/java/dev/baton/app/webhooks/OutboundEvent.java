package dev.baton.app.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Set;

/**
 * What a webhook receiver gets, as JSON: an event of a conversation, with nothing a visitor wrote and no personal
 * data — ids, states, names of agents, reasons and scores — so that a CRM or ticket system can follow along and
 * fetch more where it is entitled to.
 *
 * @param id             unique per event: a receiver that gets one twice (a retry after a lost answer) keeps one
 * @param type           one of {@link #TYPES}
 * @param occurredAt     when it happened, ISO 8601 UTC
 * @param conversationId the conversation
 * @param data           what else the type says; absent fields are left out
 */
public record OutboundEvent(String id, String type, String occurredAt, String conversationId, Data data) {

    public static final String STARTED = "conversation.started";
    public static final String HANDED_OFF = "conversation.handed_off";
    public static final String ASSIGNED = "conversation.assigned";
    public static final String RESOLVED = "conversation.resolved";
    public static final String RATED = "conversation.rated";
    public static final Set<String> TYPES = Set.of(STARTED, HANDED_OFF, ASSIGNED, RESOLVED, RATED);

    /**
     * @param reason        (handed off) why, e.g. {@code visitor_asked}
     * @param intent        (handed off) the topic the bot recognised, if any
     * @param agent         (assigned, resolved, rated) the agent's username
     * @param waitedSeconds (assigned) how long the visitor waited in the queue
     * @param score         (rated) 1 to 5
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(String reason, String intent, String agent, Long waitedSeconds, Integer score) {

        static final Data NONE = new Data(null, null, null, null, null);
    }
}
