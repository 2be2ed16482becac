package dev.baton.store.redis;

import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Appended;
import dev.baton.conversation.AppendedTo;
import dev.baton.conversation.AtCapacityException;
import dev.baton.conversation.Conversation;
import dev.baton.events.ConversationEvent;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.conversation.QueueMove;
import dev.baton.conversation.QueueRepair;
import dev.baton.conversation.UnansweredMessage;
import io.lettuce.core.KeyValue;
import io.lettuce.core.Range;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanStream;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Conversations and transcripts in Redis, shared by every Baton node. Owns the conversation, transcript,
 * message-counter and client-message-id keys, and the visitors' and agents' indexes (see {@link RedisKeys}).
 *
 * <h2>Atomic updates: optimistic concurrency</h2>
 * A conversation is a hash with its JSON and a {@code version}. {@link #update} reads both (or starts from the
 * version this node last read or wrote, when it remembers it: usually nobody else wrote since), applies the change
 * in Java, and writes the result with a compare-and-set script that succeeds only if the version is still the
 * one it started from; on a conflict (another node wrote first) it waits a random millisecond or few, reads again and
 * re-applies the change — up to 100 attempts, then it errors. So the change may run more than once and must be a
 * pure function of the conversation, as every transition of {@link Conversation} is. A change that throws writes nothing and errors
 * the {@code Mono}. The same script keeps the agent index exact (the conversation leaves its previous agent's
 * set and joins the new agent's set in the same step), so {@link #withAgent} never misses a conversation; and it
 * keeps the agents' queue (read through {@link RedisAgentQueue}) as the transition demands ({@link QueueMove}): a
 * conversation is queued exactly while it waits for an agent, whatever fails when. Two agents accepting the same
 * conversation are two compare-and-sets of one version: one writes, the other re-reads and finds it taken.
 *
 * <h2>Appending: one script</h2>
 * {@link #appendOnce} runs one Lua script that, atomically: returns the earlier message if the draft's
 * {@code clientMessageId} is already recorded (the hash plays the part of {@code HSETNX}); otherwise takes the
 * next id with {@code INCR}, stores the message in the transcript (a sorted set scored by id), records its
 * client id and publishes the {@code MessageAdded} event on the events channel (see
 * {@link RedisConversationEvents}). Doing all of it in one script means two nodes retrying the same send can neither both store it nor
 * leave an id without its message; ids are 1, 2, 3… with no gaps. {@link #transcript} is
 * {@code ZRANGEBYSCORE (afterId +inf}.
 *
 * <p>The message and its event come to the script as finished JSON, written here with the id this node expects the
 * message to get: the last id it saw in the conversation, plus one. If another message took that id first, the
 * script stores nothing and returns the last id, and the documents are written again with the next one: a round trip
 * more, only when another node wrote in between or this node has not seen the conversation's messages yet.
 *
 * <h2>One answer per message</h2>
 * The bot's answer names the visitor message it answers ({@code replyTo}); the append records it in the
 * conversation's replies hash and returns the earlier answer instead of storing a second one, and
 * {@link #updateAndAppend} checks that before its compare-and-set, so a turn raced or repeated by another node
 * changes nothing. A visitor message stored while the conversation is with the bot joins the sorted set of
 * unanswered messages in the same script, and leaves it in the script that stores its answer: the index costs no
 * round trip. {@link #claimUnanswered} hands its old entries to the nodes' sweeps.
 *
 * <h2>A visitor's message and the bot's turn: one round trip each</h2>
 * The append is a Lua function the other scripts share. {@link #appendAsVisitor} checks the visitor's right to
 * write against the version of the conversation this node remembers, and its script appends only if that is still
 * the stored version (else it returns the current conversation, and the check runs again). {@link #updateAndAppend}
 * is the compare-and-set and the append in one script. So a visitor message the bot answers costs two round trips
 * to Redis; reading the conversation, appending, updating and appending separately took four, and Redis' and the
 * client's work per command was most of a busy node's cost (docs/benchmarks.md).
 *
 * <h2>Retention</h2>
 * When an update leaves a conversation {@code RESOLVED}, its keys expire after the retention (set once, at the
 * first resolution); a message appended later inherits the remaining time. A conversation with the bot expires a
 * retention after its last change, because most visitors leave the bot without saying goodbye, and their
 * conversations would otherwise stay in Redis for ever. A bot turn sets the expiry again only once a hundredth of
 * the retention has run down (7.2 hours of 30 days), and an append sets only the expiry of the keys it made:
 * setting every key's on every message cost Redis seven {@code PEXPIRE} a stored message, and with them a node on
 * Redis offered twice its capacity refused more and answered the admitted later (docs/benchmarks.md, eighth
 * session of 2026-12-03). Only a conversation waiting for or with a person never expires. The visitor's index never expires while one of the visitor's conversations is
 * with a person (tracked in a small set of such ids beside it) and otherwise expires a retention after the last
 * change to one of their conversations, so it outlives every conversation it lists; ids of conversations that
 * expired before it are dropped lazily, when the index is read.
 *
 * <p>Every operation is one or a few non-blocking commands on the conversation's connection (see
 * {@link ConversationConnections}); when Redis cannot be reached
 * they error as the connection's timeouts and disconnected behaviour dictate (see {@link RedisStores}).
 */
public final class RedisConversationStore implements ConversationStore {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    static final int MAX_UPDATE_ATTEMPTS = 100;
    private static final String[] NO_ARGS = {};

    private static final String DATA = "data";
    private static final String VERSION = "version";

    /**
     * Creates a conversation, its indexes and, for one created waiting, its place in the queue; 1 when created, 0
     * when the id is taken (see create.lua).
     */
    private static final LuaScript CREATE = LuaScript.load(ScriptOutputType.INTEGER, "queue-move.lua", "create.lua");

    /** The compare-and-set alone; returns its outcome as a string ('1', '0', '-1'); see compare-and-set.lua. */
    private static final LuaScript COMPARE_AND_SET = LuaScript.load(ScriptOutputType.VALUE,
            "queue-move.lua", "compare-and-set.lua", "compare-and-set-only.lua");

    /** The compare-and-set unless the new agent is at capacity ('full'); see compare-and-set-within-capacity.lua. */
    private static final LuaScript COMPARE_AND_SET_WITHIN_CAPACITY = LuaScript.load(ScriptOutputType.VALUE,
            "queue-move.lua", "compare-and-set.lua", "compare-and-set-within-capacity.lua");
    private static final String FULL = "full";

    /**
     * The compare-and-set and, if it wrote, the append: a bot turn in one round trip. An answer to a message that
     * already has one changes nothing and returns that answer; a message written with an id already taken changes
     * nothing and returns {@code #} and the last id; else '0' or '-1' when nothing was written, or what the append
     * returns (see append.lua).
     */
    private static final LuaScript UPDATE_AND_APPEND = LuaScript.load(ScriptOutputType.VALUE,
            "queue-move.lua", "compare-and-set.lua", "append.lua", "update-and-append.lua");

    /** The append alone, to a conversation that exists; nil when it does not. */
    private static final LuaScript APPEND = LuaScript.load(ScriptOutputType.VALUE, "append.lua", "append-once.lua");

    /**
     * The append if the conversation's version is still ARGV[1], the one the caller checked the visitor's right to
     * write against; otherwise {@code !}, the current version, the last message id and the conversation's JSON, for
     * the caller to check again. Nil when the conversation does not exist.
     */
    private static final LuaScript APPEND_IF_UNCHANGED = LuaScript.load(ScriptOutputType.VALUE,
            "append.lua", "append-if-unchanged.lua");

    /**
     * KEYS: the index of unanswered messages. ARGV: stored before (ms), limit, now (ms). The oldest entries stored
     * before then, each claimed by moving its score to now.
     */
    private static final LuaScript CLAIM_UNANSWERED = LuaScript.load(ScriptOutputType.MULTI, "claim-unanswered.lua");

    private final ConversationConnections redis;
    private final RedisKeys keys;
    private final Clock clock;
    private final String retentionMillis;
    private final JsonCodec json;
    private final PublishedEvents published;
    private final LastSeen<Versioned> lastSeen = new LastSeen<>((seen, known) -> seen.version() >= known.version());
    /** The last message id this node saw in each conversation, which the next message is written with plus one. */
    private final LastSeen<Long> lastMessageIds = new LastSeen<>((seen, known) -> seen >= known);

    public RedisConversationStore(RedisReactiveCommands<String, String> redis, RedisKeys keys, Clock clock, Duration retention) {
        this(ConversationConnections.single(redis), keys, clock, retention, JsonCodec.withDefaultMapper(),
                new PublishedEvents());
    }

    /**
     * @param retention how long a resolved conversation and its transcript are kept, e.g. {@link #DEFAULT_RETENTION}
     * @param published what this node published and has not heard back, shared with its events
     */
    RedisConversationStore(ConversationConnections redis, RedisKeys keys, Clock clock, Duration retention, JsonCodec json,
                           PublishedEvents published) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.json = Objects.requireNonNull(json, "json");
        this.published = Objects.requireNonNull(published, "published");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
        this.retentionMillis = Long.toString(retention.toMillis());
    }

    @Override
    public Mono<Conversation> create(Conversation conversation) {
        return Mono.defer(() -> {
            String conversationKey = keys.conversation(conversation.id());
            Optional<String> agent = agentTalkingIn(conversation);
            return CREATE.<Long>run(redis.of(conversation.id()),
                            new String[]{conversationKey, keys.visitorConversations(conversation.visitorId()),
                                    keys.visitorOpenConversations(conversation.visitorId()),
                                    agent.map(keys::agentConversations).orElse(conversationKey), keys.queue(), keys.queueTickets()},
                            json.encode(conversation), Long.toString(conversation.startedAt().toEpochMilli()),
                            conversation.id(), flag(!withPerson(conversation.state())), retentionMillis,
                            flag(agent.isPresent()), queueMove(QueueMove.ofNew(conversation.state())));
        }).flatMap(created -> {
            if (created != 1L) {
                return Mono.error(new IllegalStateException("conversation id " + conversation.id() + " is taken"));
            }
            lastSeen.remember(conversation.id(), new Versioned(1, conversation));
            lastMessageIds.remember(conversation.id(), 0L);
            return Mono.just(conversation);
        });
    }

    @Override
    public Mono<Conversation> find(String conversationId) {
        return read(conversationId).map(Versioned::conversation);
    }

    /**
     * Starts from the version this node last read or wrote, if it remembers one: usually nobody else wrote
     * since, and the compare-and-set then succeeds without reading the conversation again.
     */
    @Override
    public Mono<Conversation> update(String conversationId, UnaryOperator<Conversation> change) {
        return updateWith(conversationId, change, COMPARE_AND_SET, () -> NO_ARGS, (updated, reply) -> updated);
    }

    /**
     * The compare-and-set script with the agent's count in the same step: the new agent's index is the set the
     * compare-and-set keeps exact, so the count is what it is at the moment of the write, whichever node wrote last.
     */
    @Override
    public Mono<Conversation> updateWithinCapacity(String conversationId, UnaryOperator<Conversation> change, int capacity) {
        String[] capacityArg = {Integer.toString(capacity)};
        return updateWith(conversationId, change, COMPARE_AND_SET_WITHIN_CAPACITY, () -> capacityArg, (updated, reply) -> updated);
    }

    @Override
    public Mono<Integer> countWithAgent(String agentUsername) {
        return Mono.defer(() -> redis.shared().scard(keys.agentConversations(agentUsername))).map(Long::intValue);
    }

    /** One script: the compare-and-set and the append, so a bot turn costs one round trip. */
    @Override
    public Mono<AppendedTo> updateAndAppend(String conversationId, UnaryOperator<Conversation> change, MessageDraft draft) {
        return Mono.defer(() -> {
            PendingMessage pending = pending(conversationId, draft);
            return updateWith(conversationId, change, UPDATE_AND_APPEND, pending::args,
                    (updated, reply) -> new AppendedTo(updated, appended(pending, reply)));
        });
    }

    /**
     * One round trip when this node remembers the conversation (it checks the visitor's right to write against that
     * version, and the script appends only if the version is unchanged); otherwise the script returns the current
     * conversation instead, and the check and the script run again.
     */
    @Override
    public Mono<AppendedTo> appendAsVisitor(String conversationId, String visitorId, MessageDraft draft) {
        return Mono.defer(() -> appendIfUnchanged(visitorId, pending(conversationId, draft), lastSeen.get(conversationId), 1));
    }

    private Mono<AppendedTo> appendIfUnchanged(String visitorId, PendingMessage pending, Versioned known, int attempt) {
        String conversationId = pending.draft().conversationId();
        if (known != null && !known.conversation().acceptsMessagesFrom(visitorId)) {
            return Mono.empty();
        }
        String[] args = concat(new String[]{known == null ? "" : Long.toString(known.version())}, pending.args());
        if (known != null && known.conversation().botMaySpeak()) {
            // The script stores the message only if the conversation is still as checked: then the bot owes it an answer.
            args[args.length - 1] = Long.toString(pending.draft().at().toEpochMilli());
        }
        return APPEND_IF_UNCHANGED.<String>run(redis.of(conversationId), messageKeys(conversationId), args)
                .switchIfEmpty(Mono.fromRunnable(() -> lastSeen.forget(conversationId)))
                .flatMap(reply -> {
                    if (reply.charAt(0) != '!' && reply.charAt(0) != '#') {
                        return Mono.just(new AppendedTo(known.conversation(), appended(pending, reply)));
                    }
                    if (attempt >= MAX_UPDATE_ATTEMPTS) {
                        return Mono.error(new IllegalStateException("gave up appending to conversation " + conversationId
                                + " after " + attempt + " concurrent updates"));
                    }
                    if (reply.charAt(0) == '#') {
                        lastMessageIds.remember(conversationId, Long.parseLong(reply, 1, reply.length(), 10));
                        return appendIfUnchanged(visitorId, pending, known, attempt + 1);
                    }
                    int space = reply.indexOf(' ');
                    int secondSpace = reply.indexOf(' ', space + 1);
                    Versioned current = new Versioned(Long.parseLong(reply, 1, space, 10),
                            json.decodeConversation(reply.substring(secondSpace + 1)));
                    lastSeen.remember(conversationId, current);
                    lastMessageIds.remember(conversationId, Long.parseLong(reply, space + 1, secondSpace, 10));
                    return appendIfUnchanged(visitorId, pending, current, attempt + 1);
                });
    }

    /**
     * Applies {@code change} and writes the result with {@code script}, whose first arguments are the
     * compare-and-set's and which replies '0' on a version conflict, '-1' when the conversation is gone, and
     * anything else (given to {@code written} with the new conversation) when it wrote.
     */
    private <T> Mono<T> updateWith(String conversationId, UnaryOperator<Conversation> change, LuaScript script,
                                   Supplier<String[]> moreArgs, BiFunction<Conversation, String, T> written) {
        return Mono.defer(() -> {
            Versioned known = lastSeen.get(conversationId);
            Write<T> write = new Write<>(conversationId, change, script, moreArgs, written);
            return known == null ? attemptUpdate(write, read(conversationId), 1) : attemptUpdate(write, Mono.just(known), 0);
        });
    }

    /** @param moreArgs the script's arguments after the compare-and-set's, written anew for each attempt */
    private record Write<T>(String conversationId, UnaryOperator<Conversation> change, LuaScript script,
                            Supplier<String[]> moreArgs, BiFunction<Conversation, String, T> written) {
    }

    /**
     * Attempt 0 starts from a remembered version; a conflict there is no race, so it re-reads at once. So does a
     * change that refuses the remembered version: another node may have moved the conversation on since (e.g. an
     * agent there took it), and the change must judge the conversation as it is.
     */
    private <T> Mono<T> attemptUpdate(Write<T> write, Mono<Versioned> currentVersion, int attempt) {
        String conversationId = write.conversationId();
        return currentVersion.flatMap(current -> {
            Conversation next;
            try {
                next = Objects.requireNonNull(write.change().apply(current.conversation()), "a conversation update returned null");
            } catch (RuntimeException refused) {
                // The remembered version may be stale: another node may have made the change possible (handed the
                // conversation off, say), so only the stored version may refuse it.
                return attempt == 0 ? attemptUpdate(write, read(conversationId), 1) : Mono.error(refused);
            }
            if (!next.id().equals(conversationId) || !next.visitorId().equals(current.conversation().visitorId())) {
                return Mono.error(new IllegalArgumentException("an update may not change a conversation's id or visitor"));
            }
            return compareAndSet(write, current.conversation(), current.version(), next).flatMap(reply -> {
                if (reply.charAt(0) == '#') {
                    // The message was written with an id another took first: nothing changed; again with the next id.
                    lastMessageIds.remember(conversationId, Long.parseLong(reply, 1, reply.length(), 10));
                    return attempt >= MAX_UPDATE_ATTEMPTS
                            ? Mono.error(new IllegalStateException("gave up appending to conversation " + conversationId
                                    + " after " + attempt + " concurrent appends"))
                            : attemptUpdate(write, Mono.just(current), attempt + 1);
                }
                if (reply.equals(FULL)) {
                    return Mono.error(new AtCapacityException(next.agent().map(AgentRef::username).orElse(""),
                            Integer.parseInt(write.moreArgs().get()[0])));
                }
                if (reply.charAt(0) == '=') {
                    // An answer the message already had: the script checked that first and changed nothing.
                    return Mono.just(write.written().apply(current.conversation(), reply));
                }
                if (!reply.equals("0") && !reply.equals("-1")) {
                    lastSeen.remember(conversationId, new Versioned(current.version() + 1, next));
                    return Mono.just(write.written().apply(next, reply));
                }
                lastSeen.forget(conversationId);
                if (reply.equals("-1")) {
                    return Mono.empty();
                }
                if (attempt >= MAX_UPDATE_ATTEMPTS) {
                    return Mono.error(new IllegalStateException("gave up updating conversation " + conversationId
                            + " after " + attempt + " conflicting concurrent updates"));
                }
                Mono<Versioned> reread = read(conversationId);
                return attempt == 0
                        ? attemptUpdate(write, reread, 1)
                        : Mono.delay(backoff(attempt)).then(attemptUpdate(write, reread, attempt + 1));
            });
        });
    }

    /** The stored conversation and its version, remembered for the next update; empty (and forgotten) if gone. */
    private Mono<Versioned> read(String conversationId) {
        return Mono.fromCompletionStage(() -> redis.of(conversationId).getStatefulConnection().async()
                        .hmget(keys.conversation(conversationId), DATA, VERSION))
                .flatMap(fields -> {
                    Optional<String> data = value(fields, 0);
                    Optional<String> version = value(fields, 1);
                    if (data.isEmpty() || version.isEmpty()) {
                        lastSeen.forget(conversationId);
                        return Mono.empty();
                    }
                    Versioned read = new Versioned(Long.parseLong(version.get()), json.decodeConversation(data.get()));
                    lastSeen.remember(conversationId, read);
                    return Mono.just(read);
                });
    }

    private Mono<String> compareAndSet(Write<?> write, Conversation current, long expectedVersion, Conversation next) {
        String id = next.id();
        Optional<String> previousAgent = current.agent().map(AgentRef::username);
        Optional<String> newAgent = agentTalkingIn(next);
        String conversationKey = keys.conversation(id);
        String[] scriptKeys = {
                conversationKey, keys.messageCounter(id), keys.transcript(id), keys.clientMessageIds(id),
                keys.visitorConversations(next.visitorId()), keys.visitorOpenConversations(next.visitorId()),
                previousAgent.map(keys::agentConversations).orElse(conversationKey),
                newAgent.map(keys::agentConversations).orElse(conversationKey), keys.queue(), keys.queueTickets(),
                keys.replies(id), keys.unanswered()};
        String[] args = {Long.toString(expectedVersion), json.encode(next), id, lifecycle(current.state(), next.state()), retentionMillis,
                flag(previousAgent.isPresent()), flag(newAgent.isPresent()), queueMove(QueueMove.of(current.state(), next.state()))};
        return write.script().run(redis.of(id), scriptKeys, concat(args, write.moreArgs().get()));
    }

    @Override
    public Mono<Appended> appendOnce(String conversationId, MessageDraft draft) {
        return Mono.defer(() -> appendOnce(pending(conversationId, draft), 1));
    }

    private Mono<Appended> appendOnce(PendingMessage pending, int attempt) {
        String conversationId = pending.draft().conversationId();
        return APPEND.<String>run(redis.of(conversationId), messageKeys(conversationId), pending.args())
                .flatMap(reply -> {
                    if (reply.charAt(0) != '#') {
                        return Mono.just(appended(pending, reply));
                    }
                    lastMessageIds.remember(conversationId, Long.parseLong(reply, 1, reply.length(), 10));
                    return attempt >= MAX_UPDATE_ATTEMPTS
                            ? Mono.error(new IllegalStateException("gave up appending to conversation " + conversationId
                                    + " after " + attempt + " concurrent appends"))
                            : appendOnce(pending, attempt + 1);
                });
    }

    /**
     * A message about to be appended, as it will be stored but for its id, which it gets when written: {@link #args}
     * writes it (and its event) with the id this node expects it to get.
     */
    private final class PendingMessage {

        private final Message draft;
        private final String replyTo;
        private Message written;

        PendingMessage(Message draft) {
            this.draft = draft;
            this.replyTo = draft.replyTo().isPresent() ? Long.toString(draft.replyTo().getAsLong()) : "";
        }

        /** The message with id 0. */
        Message draft() {
            return draft;
        }

        /**
         * The append function's arguments for the next id this node expects in the conversation; the last one, whether
         * the message awaits the bot's answer, empty: no.
         */
        String[] args() {
            String conversationId = draft.conversationId();
            Long last = lastMessageIds.get(conversationId);
            written = draft.withId(last == null ? 1 : last + 1);
            ConversationEvent added = new ConversationEvent.MessageAdded(conversationId, written);
            return new String[]{draft.clientMessageId().orElse(""), json.encode(written), Long.toString(written.id()),
                    keys.eventsChannel(), published.publishing(json.encode(added), added), replyTo, ":" + conversationId, ""};
        }

        /** The message as last written by {@link #args}. */
        Message written() {
            return written;
        }
    }

    private PendingMessage pending(String conversationId, MessageDraft draft) {
        return new PendingMessage(Message.stored(0, conversationId, draft, clock.instant()));
    }

    /**
     * What the append functions' reply says: the new message's id; or the earlier message of a repeated client id
     * and, after a line feed, its answer if it has one; or the earlier answer to the message a draft answers.
     */
    private Appended appended(PendingMessage pending, String reply) {
        if (reply.charAt(0) == '+') {
            Message stored = pending.written();
            lastMessageIds.remember(stored.conversationId(), stored.id());
            return new Appended(stored, true);
        }
        int lineFeed = reply.indexOf('\n');
        return lineFeed < 0
                ? new Appended(json.decodeMessage(reply.substring(1)), false)
                : new Appended(json.decodeMessage(reply.substring(1, lineFeed)), false,
                        Optional.of(json.decodeMessage(reply.substring(lineFeed + 1))));
    }

    private String[] messageKeys(String conversationId) {
        return new String[]{keys.conversation(conversationId), keys.messageCounter(conversationId),
                keys.transcript(conversationId), keys.clientMessageIds(conversationId),
                keys.replies(conversationId), keys.unanswered()};
    }

    /** See erase-conversation.lua. */
    private static final LuaScript ERASE = LuaScript.load(ScriptOutputType.INTEGER, "erase-conversation.lua");
    private static final long ERASE_CHANGED = -1;
    private static final long ERASE_GONE = -2;

    /** Reads the conversation for its visitor's and agent's keys, then erases it if nobody changed it meanwhile. */
    @Override
    public Mono<Integer> erase(String conversationId) {
        return eraseAttempt(conversationId, 1);
    }

    private Mono<Integer> eraseAttempt(String conversationId, int attempt) {
        return read(conversationId).flatMap(current -> {
            Conversation c = current.conversation();
            String conversationKey = keys.conversation(conversationId);
            String[] scriptKeys = {conversationKey, keys.messageCounter(conversationId), keys.transcript(conversationId),
                    keys.clientMessageIds(conversationId), keys.replies(conversationId),
                    keys.visitorConversations(c.visitorId()), keys.visitorOpenConversations(c.visitorId()),
                    c.agent().map(agent -> keys.agentConversations(agent.username())).orElse(conversationKey),
                    keys.queue(), keys.unanswered()};
            return ERASE.<Long>run(redis.of(conversationId), scriptKeys, Long.toString(current.version()), conversationId)
                    .flatMap(outcome -> {
                        if (outcome == ERASE_CHANGED && attempt < MAX_UPDATE_ATTEMPTS) {
                            return Mono.delay(backoff(attempt)).then(eraseAttempt(conversationId, attempt + 1));
                        }
                        if (outcome < 0) {
                            return outcome == ERASE_GONE ? Mono.empty()
                                    : Mono.error(new IllegalStateException("conversation " + conversationId
                                    + " kept changing: not erased after " + attempt + " attempts"));
                        }
                        lastSeen.forget(conversationId);
                        lastMessageIds.forget(conversationId);
                        return Mono.just(outcome.intValue());
                    });
        });
    }

    /** A {@code SCAN} over the conversations, then each transcript read whole: for rare requests only. */
    @Override
    public Flux<Conversation> withMessageMatching(Predicate<String> matches) {
        return Flux.defer(() -> ScanStream.scan(redis.shared(), ScanArgs.Builder.matches(keys.everyConversation()).limit(500)))
                .mapNotNull(keys::conversationIdOf)
                .concatMap(id -> transcript(id, 0).any(m -> matches.test(m.text()))
                        .filter(Boolean::booleanValue)
                        .flatMap(found -> find(id)));
    }

    @Override
    public Flux<UnansweredMessage> claimUnanswered(Instant storedBefore, int limit) {
        return Flux.defer(() -> CLAIM_UNANSWERED.<List<Object>>run(redis.shared(), new String[]{keys.unanswered()},
                        Long.toString(storedBefore.toEpochMilli()), Integer.toString(limit),
                        Long.toString(clock.millis())))
                .flatMapIterable(entries -> entries)
                .map(entry -> {
                    String member = entry.toString();
                    int colon = member.indexOf(':');
                    return new UnansweredMessage(member.substring(colon + 1), Long.parseLong(member.substring(0, colon)));
                });
    }

    @Override
    public Mono<Void> forgetUnanswered(UnansweredMessage message) {
        return Mono.defer(() -> redis.shared().zrem(keys.unanswered(), message.messageId() + ":" + message.conversationId())).then();
    }

    @Override
    public Flux<Message> transcript(String conversationId, long afterId) {
        return Flux.defer(() -> redis.of(conversationId).zrangebyscore(keys.transcript(conversationId),
                        Range.from(Range.Boundary.excluding(Math.max(afterId, 0)), Range.Boundary.unbounded())))
                .map(json::decodeMessage);
    }

    /** Oldest first (by start time); ids whose conversation has expired are dropped from the index on the way. */
    @Override
    public Flux<Conversation> ofVisitor(String visitorId) {
        String index = keys.visitorConversations(visitorId);
        return Flux.defer(() -> redis.shared().zrange(index, 0, -1))
                .flatMapSequential(id -> find(id)
                        .switchIfEmpty(Mono.defer(() -> redis.shared().zrem(index, id).then(Mono.empty()))));
    }

    /** Oldest first (by start time). */
    @Override
    public Flux<Conversation> withAgent(String agentUsername) {
        String index = keys.agentConversations(agentUsername);
        return Flux.defer(() -> redis.shared().smembers(index))
                .flatMap(id -> find(id)
                        .switchIfEmpty(Mono.defer(() -> redis.shared().srem(index, id).then(Mono.empty()))))
                .filter(c -> c.isAssignedTo(agentUsername))
                .sort(Comparator.comparing(Conversation::startedAt).thenComparing(Conversation::id));
    }

    /**
     * KEYS: queue, queue tickets, then the conversations to check. ARGV: their ids, in the same order. For each,
     * atomically: a queued id whose conversation is gone or not waiting leaves the queue, a waiting conversation in
     * no queue joins it at the back. Returns a {@code fault id} line per repair ({@code gone}, {@code not-waiting},
     * {@code not-queued}). Decodes a conversation's JSON only when it mentions the waiting state.
     */
    private static final LuaScript REPAIR_QUEUE = LuaScript.load(ScriptOutputType.MULTI, "queue-move.lua", "repair-queue.lua");
    private static final int REPAIR_BATCH = 100;

    /**
     * Checks the queued ids first, then every conversation of the namespace, found with {@code SCAN} over the
     * conversation keys: that reads the whole key space in small steps (and Redis' work grows with it), which is
     * fine for a check every few minutes but not for anything on a visitor's path. Each batch of
     * {@value #REPAIR_BATCH} is checked and repaired in one script, so a repair never races a transition.
     */
    @Override
    public Flux<QueueRepair> repairQueue() {
        RedisReactiveCommands<String, String> shared = redis.shared();
        Flux<String> queued = Flux.defer(() -> shared.zrange(keys.queue(), 0, -1));
        Flux<String> stored = Flux.defer(() -> ScanStream.scan(shared, ScanArgs.Builder.matches(keys.everyConversation()).limit(500)))
                .mapNotNull(keys::conversationIdOf);
        return Flux.concat(queued.buffer(REPAIR_BATCH), stored.buffer(REPAIR_BATCH))
                .concatMap(ids -> {
                    String[] scriptKeys = new String[ids.size() + 2];
                    scriptKeys[0] = keys.queue();
                    scriptKeys[1] = keys.queueTickets();
                    for (int i = 0; i < ids.size(); i++) {
                        scriptKeys[i + 2] = keys.conversation(ids.get(i));
                    }
                    return REPAIR_QUEUE.<List<String>>run(shared, scriptKeys, ids.toArray(String[]::new))
                            .flatMapIterable(lines -> lines);
                })
                .map(RedisConversationStore::repairOf);
    }

    private static QueueRepair repairOf(String line) {
        int space = line.indexOf(' ');
        String id = line.substring(space + 1);
        return switch (line.substring(0, space)) {
            case "gone" -> new QueueRepair(id, QueueRepair.Fault.CONVERSATION_GONE);
            case "not-waiting" -> new QueueRepair(id, QueueRepair.Fault.NOT_WAITING);
            default -> new QueueRepair(id, QueueRepair.Fault.NOT_QUEUED);
        };
    }

    private static Optional<String> agentTalkingIn(Conversation c) {
        return c.state() == ConversationState.WITH_AGENT ? c.agent().map(AgentRef::username) : Optional.empty();
    }

    /** A random pause of up to {@code min(attempt, 10)} ms, so that racing updaters stop colliding in lockstep. */
    private static Duration backoff(int attempt) {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(Math.min(attempt, 10) + 1));
    }

    private static Optional<String> value(List<KeyValue<String, String>> fields, int index) {
        return index < fields.size() && fields.get(index).hasValue()
                ? Optional.of(fields.get(index).getValue())
                : Optional.empty();
    }

    private static String[] concat(String[] first, String[] then) {
        String[] both = Arrays.copyOf(first, first.length + then.length);
        System.arraycopy(then, 0, both, first.length, then.length);
        return both;
    }

    private static String queueMove(QueueMove move) {
        return switch (move) {
            case BACK -> "back";
            case FRONT -> "front";
            case LEAVE -> "leave";
            case NONE -> "";
        };
    }

    /** How a change of state moves the conversation's expiry and the visitor's open set; see compare-and-set.lua. */
    private static String lifecycle(ConversationState from, ConversationState to) {
        if (to == ConversationState.BOT || (to == ConversationState.RESOLVED && from == ConversationState.BOT)) {
            return "b";
        }
        if (to == ConversationState.RESOLVED) {
            return "1";
        }
        return withPerson(from) ? "" : "0";
    }

    /** Waiting for or with an agent: kept, and keeping the visitor's index, until resolved. */
    private static boolean withPerson(ConversationState state) {
        return state == ConversationState.WAITING_FOR_AGENT || state == ConversationState.WITH_AGENT;
    }

    private static String flag(boolean on) {
        return on ? "1" : "0";
    }

    /** A conversation as stored, with the version the compare-and-set script checks. */
    private record Versioned(long version, Conversation conversation) {
    }

    /**
     * What this node last saw of each conversation (the version it last read or wrote, the last message id), for the
     * write that usually follows. Only a hint: the scripts check it, so a stale entry costs a round trip, never a lost
     * write. Keeps the {@value #MAX_REMEMBERED} most recently used.
     */
    private static final class LastSeen<T> {
        private static final int MAX_REMEMBERED = 4_096;

        private final BiPredicate<T, T> newerOrSame;
        private final Map<String, T> seen = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
                return size() > MAX_REMEMBERED;
            }
        };

        /** @param newerOrSame whether what was just seen (first) supersedes what is remembered (second) */
        LastSeen(BiPredicate<T, T> newerOrSame) {
            this.newerOrSame = newerOrSame;
        }

        synchronized T get(String conversationId) {
            return seen.get(conversationId);
        }

        synchronized void remember(String conversationId, T value) {
            T known = seen.get(conversationId);
            if (known == null || newerOrSame.test(value, known)) {
                seen.put(conversationId, value);
            }
        }

        synchronized void forget(String conversationId) {
            seen.remove(conversationId);
        }
    }
}
