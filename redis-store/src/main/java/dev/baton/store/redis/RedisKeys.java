package dev.baton.store.redis;

import java.util.Objects;

/**
 * Every Redis key and channel Baton uses, built in this one place from a namespace prefix ({@code baton:} by
 * default), so that several Baton installations — or test runs — can share one Redis without touching each
 * other's data, and so that an operator can find everything Baton stores with {@code SCAN MATCH baton:*}.
 *
 * <table>
 *   <caption>Key layout (N = the namespace)</caption>
 *   <tr><th>key</th><th>type</th><th>owner</th><th>expiry</th></tr>
 *   <tr><td>N{@code conversation:{id}}</td><td>hash: {@code data} (JSON), {@code version}</td>
 *       <td>{@link RedisConversationStore}</td><td>retention, from when it is resolved or, with the bot, from its last
 *       change; none while waiting for or with a person</td></tr>
 *   <tr><td>N{@code conversation:{id}:message-counter}</td><td>string (INCR)</td>
 *       <td>{@link RedisConversationStore}</td><td>as the conversation</td></tr>
 *   <tr><td>N{@code conversation:{id}:transcript}</td><td>sorted set: message JSON scored by id</td>
 *       <td>{@link RedisConversationStore}</td><td>as the conversation</td></tr>
 *   <tr><td>N{@code conversation:{id}:client-message-ids}</td><td>hash: clientMessageId → message id</td>
 *       <td>{@link RedisConversationStore}</td><td>as the conversation</td></tr>
 *   <tr><td>N{@code conversation:{id}:replies}</td><td>hash: visitor message id → id of the bot's answer to it</td>
 *       <td>{@link RedisConversationStore}</td><td>as the conversation</td></tr>
 *   <tr><td>N{@code unanswered}</td><td>sorted set: {@code messageId:conversationId} of visitor messages to the bot
 *       still without an answer, scored by when they were stored or last claimed (ms)</td>
 *       <td>{@link RedisConversationStore}</td><td>none (an entry leaves when its answer is stored)</td></tr>
 *   <tr><td>N{@code visitor:{visitorId}:conversations}</td><td>sorted set: conversation ids scored by start</td>
 *       <td>{@link RedisConversationStore}</td><td>retention, from the last change to the visitor's conversations once
 *       none is with a person</td></tr>
 *   <tr><td>N{@code visitor:{visitorId}:open-conversations}</td><td>set: ids of the visitor's conversations waiting for or with a person</td>
 *       <td>{@link RedisConversationStore}</td><td>none (gone when empty)</td></tr>
 *   <tr><td>N{@code agent:{username}:conversations}</td><td>set: ids of conversations with that agent now</td>
 *       <td>{@link RedisConversationStore}</td><td>none (emptied as conversations leave the agent)</td></tr>
 *   <tr><td>N{@code queue}</td><td>sorted set: ids of the conversations waiting for an agent, scored by ticket</td>
 *       <td>{@link RedisConversationStore} (in the same scripts as the states); read by {@link RedisAgentQueue}</td><td>none</td></tr>
 *   <tr><td>N{@code queue:tickets}</td><td>string (INCR)</td><td>{@link RedisConversationStore}</td><td>none</td></tr>
 *   <tr><td>N{@code presence:{agents}}, N{@code presence:{visitors}}</td><td>sorted set: {@code node/who} scored
 *       by deadline (ms); who is an agent's username or the conversation a visitor's socket follows</td>
 *       <td>{@link RedisPresence}</td><td>entries lapse after the grace period</td></tr>
 *   <tr><td>N{@code presence:{agents}:nodes}, N{@code presence:{visitors}:nodes}</td><td>sorted set: node ids
 *       scored by deadline (ms)</td><td>{@link RedisPresence}</td><td>entries lapse after the grace period</td></tr>
 *   <tr><td>N{@code presence:{agents}:last-seen}, N{@code presence:{visitors}:last-seen}</td><td>sorted set: who
 *       scored by when last seen (ms)</td><td>{@link RedisPresence}</td><td>entries forgotten after a day</td></tr>
 *   <tr><td>N{@code presence:{agents}:away}</td><td>set: usernames of the agents who set themselves away</td>
 *       <td>{@link RedisPresence}</td><td>none (an agent leaves it by coming back)</td></tr>
 *   <tr><td>N{@code left-messages}</td><td>list of left-message JSON, oldest first</td>
 *       <td>{@link RedisLeftMessages}</td><td>each entry: its retention, from when it was left (dropped as new ones come)</td></tr>
 *   <tr><td>N{@code inbox}</td><td>hash: per wording {@code id}, {@code id:latest} (JSON of its latest message),
 *       {@code id:first} (when first seen), {@code id:count}, {@code id:reason:REASON} (count per reason),
 *       {@code id:conversations} (the latest few conversation ids, space-separated)</td>
 *       <td>{@link RedisTrainerInbox}</td><td>a wording: the inbox's retention from when last seen (dropped as new ones
 *       come), and the least recently seen beyond its size</td></tr>
 *   <tr><td>N{@code inbox:last-seen}</td><td>sorted set: wording ids scored by when last seen (ms)</td>
 *       <td>{@link RedisTrainerInbox}</td><td>as the wordings</td></tr>
 *   <tr><td>N{@code conversation:{id}:ratings}</td><td>hash: id of a bot answer → {@code up} or {@code down}</td>
 *       <td>{@link RedisAnswerRatings}</td><td>the conversations' retention, from the last rating</td></tr>
 *   <tr><td>N{@code helpfulness}</td><td>hash: {@code intent:up}, {@code intent:down} → how many ratings</td>
 *       <td>{@link RedisAnswerRatings}</td><td>none: the counts are kept for good</td></tr>
 *   <tr><td>N{@code conversation:{id}:satisfaction}</td><td>string: the visitor's satisfaction rating (JSON)</td>
 *       <td>{@link RedisSatisfactionRatings}</td><td>the conversations' retention, from the rating</td></tr>
 *   <tr><td>N{@code conversation:{id}:consent}</td><td>hash: {@code notice} (the privacy notice's version the visitor
 *       accepted or was sent), {@code at}, {@code how} ({@code accepted} or {@code informed_via_channel}; absent: accepted)</td><td>{@link RedisConsentRecords}</td><td>the conversations' retention, from the
 *       consent</td></tr>
 *   <tr><td>N{@code conversation:{id}:visitor}</td><td>string: what the visitor's browser told of itself (JSON)</td>
 *       <td>{@link RedisVisitorContexts}</td><td>the conversations' retention, from the latest hello</td></tr>
 *   <tr><td>N{@code satisfaction}</td><td>hash: {@code agent:score} → how many ratings</td>
 *       <td>{@link RedisSatisfactionRatings}</td><td>none: the counts are kept for good</td></tr>
 *   <tr><td>N{@code outcomes}</td><td>sorted set: conversation outcomes (JSON) scored by when recorded (ms)</td>
 *       <td>{@link RedisConversationOutcomes}</td><td>each entry: the conversations' retention, from when recorded
 *       (dropped as new ones come)</td></tr>
 *   <tr><td>N{@code events}</td><td>pub/sub channel (not a key)</td>
 *       <td>{@link RedisConversationEvents}</td><td>—</td></tr>
 *   <tr><td>N{@code intents}</td><td>hash: {@code version}, {@code files} (JSON: the published intent files)</td>
 *       <td>{@link RedisIntentPublication}</td><td>none: the installation's intent database</td></tr>
 *   <tr><td>N{@code intents:published}</td><td>pub/sub channel (not a key): the version just published</td>
 *       <td>{@link RedisIntentPublication}</td><td>—</td></tr>
 *   <tr><td>N{@code trainer:draft}</td><td>hash: {@code id}, {@code revision}, {@code draft} (JSON: the trainers'
 *       shared draft)</td><td>{@link RedisDrafts}</td><td>none (gone when published or discarded)</td></tr>
 *   <tr><td>N{@code trainer:versions}</td><td>list: version n's JSON (who, when, note) at index n - 1</td>
 *       <td>{@link RedisIntentVersions}</td><td>none</td></tr>
 *   <tr><td>N{@code trainer:versions:files}</td><td>hash: n → version n's intent files (JSON)</td>
 *       <td>{@link RedisIntentVersions}</td><td>none</td></tr>
 *   <tr><td>N{@code trainer:audit}</td><td>list: audit entries' JSON, newest first (everyone's actions; named when it held trainers' only)</td>
 *       <td>{@link RedisAuditLog}</td><td>trimmed to its bound as entries are added</td></tr>
 *   <tr><td>N{@code agents:directory}</td><td>hash: username → JSON of an agent from the company's directory (name,
 *       capacity, last sign-in)</td><td>{@link RedisDirectoryAgents}</td><td>an entry: when the agent signs in without the
 *       role, or has not signed in for the roster's retention</td></tr>
 *   <tr><td>N{@code secret:}<i>name</i></td><td>string: a secret every node shares (Base64), e.g. {@code visitor-tokens}</td>
 *       <td>{@link RedisSharedSecrets}</td><td>none</td></tr>
 *   <tr><td>N{@code claim:}<i>key</i></td><td>string: a claim, e.g. {@code in:telegram:<update id>} (a delivery
 *       handled), {@code out:<conversation id>:<message id>} (a message sent to its channel)</td>
 *       <td>{@link RedisDeliveryClaims}</td><td>{@code baton.channels.claims-kept-for} after it was claimed</td></tr>
 *   <tr><td>N{@code canned:shared}, N{@code canned:agent:{username}}</td><td>hash: {@code language:shortcut} → a
 *       canned response's JSON; the shared ones, and each agent's own</td>
 *       <td>{@link RedisCannedResponses}</td><td>none</td></tr>
 *   <tr><td>N{@code limits:}<i>limit</i>{@code :}<i>subject</i></td><td>string: a Bucket4j token bucket (a limit's
 *       tokens left for one visitor id, client address or account)</td><td>{@link RedisRateLimiter}</td><td>once the
 *       bucket would be full again</td></tr>
 *   <tr><td>N{@code customers:{links}:member:}<i>member</i></td><td>string: the id of the customer a member (a visitor
 *       id, or {@code email/…} or {@code phone/…} for a contact) is linked to</td><td>{@link RedisCustomerLinks}</td>
 *       <td>the conversations' retention, from the customer's latest link</td></tr>
 *   <tr><td>N{@code customers:{links}:customer:}<i>id</i></td><td>set: the customer's members</td>
 *       <td>{@link RedisCustomerLinks}</td><td>as its members</td></tr>
 *   <tr><td>N{@code console:sessions:}<i>id</i></td><td>hash: an agent's login session</td>
 *       <td>Spring Session (see {@link #consoleSessions()})</td><td>the session timeout, from the last request</td></tr>
 * </table>
 *
 * <p>The braces are Redis Cluster hash tags: all keys of one conversation live in one slot, so the scripts
 * that touch them together stay valid there. (Creating and updating a conversation also maintain the visitor's
 * and the agent's index, and appending the index of unanswered messages, in the same script, which needs one
 * primary: a standalone Redis or Sentinel.) Ids that
 * contain a brace are refused, since they would break that grouping.
 */
public final class RedisKeys {

    public static final String DEFAULT_NAMESPACE = "baton:";

    private final String namespace;

    /** @param namespace prepended to every key and channel, e.g. {@code baton:}; may not contain braces or glob characters */
    public RedisKeys(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        if (namespace.isEmpty() || namespace.chars().anyMatch(c -> "{}*?[]\\".indexOf(c) >= 0 || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("a Redis namespace must be non-empty, without braces, glob characters or spaces: \""
                    + namespace + "\"");
        }
        this.namespace = namespace;
    }

    public static RedisKeys defaultNamespace() {
        return new RedisKeys(DEFAULT_NAMESPACE);
    }

    public String namespace() {
        return namespace;
    }

    /** {@code SCAN MATCH} pattern for every key in this namespace. */
    public String everything() {
        return namespace + "*";
    }

    String conversation(String conversationId) {
        return namespace + "conversation:" + tag(conversationId);
    }

    /** {@code SCAN MATCH} pattern for the conversations' own keys (not their transcripts, counters or client ids). */
    String everyConversation() {
        return namespace + "conversation:{*}";
    }

    /** The id in a key that {@link #everyConversation()} matched; null for any other key. */
    String conversationIdOf(String conversationKey) {
        String prefix = namespace + "conversation:{";
        return conversationKey.startsWith(prefix) && conversationKey.endsWith("}") && conversationKey.indexOf('}') == conversationKey.length() - 1
                ? conversationKey.substring(prefix.length(), conversationKey.length() - 1)
                : null;
    }

    String messageCounter(String conversationId) {
        return conversation(conversationId) + ":message-counter";
    }

    String transcript(String conversationId) {
        return conversation(conversationId) + ":transcript";
    }

    String clientMessageIds(String conversationId) {
        return conversation(conversationId) + ":client-message-ids";
    }

    /** Kept apart from {@link #clientMessageIds}, whose fields visitors choose: no client id can pose as an answer. */
    String replies(String conversationId) {
        return conversation(conversationId) + ":replies";
    }

    String unanswered() {
        return namespace + "unanswered";
    }

    String visitorConversations(String visitorId) {
        return namespace + "visitor:" + tag(visitorId) + ":conversations";
    }

    String visitorOpenConversations(String visitorId) {
        return namespace + "visitor:" + tag(visitorId) + ":open-conversations";
    }

    String agentConversations(String agentUsername) {
        return namespace + "agent:" + tag(agentUsername) + ":conversations";
    }

    /** Subjects are the callers' (addresses, visitor ids, account names): no hash tag, a bucket is one key alone. */
    String rateLimit(String limit, String subject) {
        return namespace + "limits:" + limit + ":" + subject;
    }

    String queue() {
        return namespace + "queue";
    }

    String queueTickets() {
        return namespace + "queue:tickets";
    }

    /** The keys of one population's presence, in one hash slot: their scripts touch all three. */
    record PresenceKeys(String connections, String nodes, String lastSeen, String away) {
    }

    PresenceKeys agentPresence() {
        return presence("agents");
    }

    PresenceKeys visitorPresence() {
        return presence("visitors");
    }

    private PresenceKeys presence(String population) {
        String connections = namespace + "presence:{" + population + "}";
        return new PresenceKeys(connections, connections + ":nodes", connections + ":last-seen", connections + ":away");
    }

    String leftMessages() {
        return namespace + "left-messages";
    }

    String inbox() {
        return namespace + "inbox";
    }

    String inboxLastSeen() {
        return namespace + "inbox:last-seen";
    }

    /** In the conversation's hash slot: the ratings of its answers live and expire beside its transcript. */
    String ratings(String conversationId) {
        return conversation(conversationId) + ":ratings";
    }

    String helpfulness() {
        return namespace + "helpfulness";
    }

    /** In the conversation's hash slot: its satisfaction rating lives and expires beside its transcript. */
    String satisfaction(String conversationId) {
        return conversation(conversationId) + ":satisfaction";
    }

    /** In the conversation's hash slot: its visitor's consent to the privacy notice lives beside its transcript. */
    String consent(String conversationId) {
        return conversation(conversationId) + ":consent";
    }

    /** In the conversation's hash slot, beside its transcript. */
    String visitorContext(String conversationId) {
        return conversation(conversationId) + ":visitor";
    }

    String outcomes() {
        return namespace + "outcomes";
    }

    String satisfactionPerAgent() {
        return namespace + "satisfaction";
    }

    String eventsChannel() {
        return namespace + "events";
    }

    String intents() {
        return namespace + "intents";
    }

    String intentsChannel() {
        return namespace + "intents:published";
    }

    String draft() {
        return namespace + "trainer:draft";
    }

    String versions() {
        return namespace + "trainer:versions";
    }

    String versionFiles() {
        return namespace + "trainer:versions:files";
    }

    String audit() {
        return namespace + "trainer:audit";
    }

    String directoryAgents() {
        return namespace + "agents:directory";
    }

    /** A secret every node shares ({@link RedisSharedSecrets}). */
    String secret(String name) {
        return namespace + "secret:" + name;
    }

    /** A key claimed once across the nodes ({@link RedisDeliveryClaims}): a delivery handled, a message sent. */
    String claim(String key) {
        return namespace + "claim:" + key;
    }

    /**
     * The prefixes of the customer links' keys, a member's or customer's name appended by {@link RedisCustomerLinks}'s
     * scripts (which read what to touch in the same step). One hash tag for all, so the scripts stay in one slot.
     */
    record CustomerLinkKeys(String memberPrefix, String customerPrefix) {

        String member(String member) {
            return memberPrefix + member;
        }

        String customer(String customerId) {
            return customerPrefix + customerId;
        }
    }

    CustomerLinkKeys customerLinks() {
        String links = namespace + "customers:{links}:";
        return new CustomerLinkKeys(links + "member:", links + "customer:");
    }

    String sharedCannedResponses() {
        return namespace + "canned:shared";
    }

    String cannedResponsesOf(String agentUsername) {
        return namespace + "canned:agent:" + tag(agentUsername);
    }

    /**
     * The prefix under which Spring Session keeps agents' login sessions, so that any node knows an agent who
     * logged in on another; Spring Session appends {@code :sessions:<id>}.
     */
    public String consoleSessions() {
        return namespace + "console";
    }

    private static String tag(String id) {
        Objects.requireNonNull(id, "id");
        if (id.indexOf('{') >= 0 || id.indexOf('}') >= 0) {
            throw new IllegalArgumentException("ids stored in Redis may not contain braces: \"" + id + "\"");
        }
        return "{" + id + "}";
    }
}
