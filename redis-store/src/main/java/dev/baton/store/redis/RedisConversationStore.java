package dev.baton.store.redis;

import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Appended;
import dev.baton.conversation.AppendedTo;
import dev.baton.conversation.Conversation;
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
 * When an update leaves a conversation {@code RESOLVED}, its four keys expire after the retention (set once, at
 * the first resolution); a message appended later inherits the remaining time. Conversations that are never
 * resolved do not expire. The visitor's index never expires while one of the visitor's conversations is open
 * (tracked in a small set of open ids beside it) and expires a retention after the last one is resolved, so it
 * outlives every conversation it lists; ids of conversations that expired before it are dropped lazily, when
 * the index is read.
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
     * What a transition does to the queue, as a Lua function for the scripts that use it ({@link QueueMove}): 'back'
     * joins behind everyone with the next ticket (one counter for all nodes, so tickets follow arrival order even
     * when the nodes' clocks disagree), 'front' one below the current head, 'leave' removes; '' leaves the queue
     * alone. Joining keeps the place of a conversation already queued ({@code ZADD NX}).
     */
    private static final String QUEUE_FUNCTION = """
            local function queue_move(queue, tickets, move, id)
              if move == 'back' then
                redis.call('ZADD', queue, 'NX', redis.call('INCR', tickets), id)
              elseif move == 'front' then
                local head = redis.call('ZRANGE', queue, 0, 0, 'WITHSCORES')
                redis.call('ZADD', queue, 'NX', head[2] and (tonumber(head[2]) - 1) or 0, id)
              elseif move == 'leave' then
                redis.call('ZREM', queue, id)
              end
            end
            """;

    /**
     * KEYS: conversation, visitor index, visitor's open conversations, agent's index, queue, queue tickets. ARGV:
     * JSON, start (ms, the index score), id, resolved (1/0), retention (ms), join the agent's index (1/0), queue move
     * ('back' for a conversation created waiting, else ''). Returns 1 when created, 0 when the id is taken. The
     * visitor's index stays while any of the visitor's conversations is open, and expires a retention after the last
     * one is resolved.
     */
    private static final LuaScript CREATE = new LuaScript(QUEUE_FUNCTION + """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], 'data', ARGV[1], 'version', 1)
            if ARGV[4] == '1' then redis.call('PEXPIRE', KEYS[1], ARGV[5]) end
            if ARGV[6] == '1' then redis.call('SADD', KEYS[4], ARGV[3]) end
            redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
            if ARGV[4] == '1' then redis.call('SREM', KEYS[3], ARGV[3]) else redis.call('SADD', KEYS[3], ARGV[3]) end
            if redis.call('SCARD', KEYS[3]) == 0 then redis.call('PEXPIRE', KEYS[2], ARGV[5]) else redis.call('PERSIST', KEYS[2]) end
            queue_move(KEYS[5], KEYS[6], ARGV[7], ARGV[3])
            return 1
            """, ScriptOutputType.INTEGER);

    /**
     * The compare-and-set, as a Lua function for the scripts that use it. KEYS: conversation, message counter,
     * transcript, client ids, visitor index, visitor's open conversations, previous agent's index, new agent's index,
     * queue, queue tickets, and last the replies hash and the index of unanswered messages (see
     * {@link #APPEND_FUNCTION}). ARGV: expected version, JSON, id, lifecycle ('1': resolved now; '0': open again after
     * being resolved; '': open before and after, when the expiries and the open set are already right), retention
     * (ms), leave previous agent (1/0), join new agent (1/0), queue move (see {@link #QUEUE_FUNCTION}). Returns 1 when
     * written, 0 on a version conflict, -1 when the conversation is gone.
     */
    private static final String COMPARE_AND_SET_FUNCTION = QUEUE_FUNCTION + """
            local function compare_and_set()
              local version = redis.call('HGET', KEYS[1], 'version')
              if not version then return -1 end
              if version ~= ARGV[1] then return 0 end
              redis.call('HSET', KEYS[1], 'data', ARGV[2], 'version', tonumber(version) + 1)
              if ARGV[6] == '1' then redis.call('SREM', KEYS[7], ARGV[3]) end
              if ARGV[7] == '1' then redis.call('SADD', KEYS[8], ARGV[3]) end
              queue_move(KEYS[9], KEYS[10], ARGV[8], ARGV[3])
              if ARGV[4] ~= '' then
                for _, key in ipairs({KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[#KEYS - 1]}) do
                  if ARGV[4] == '1' then redis.call('PEXPIRE', key, ARGV[5], 'NX') else redis.call('PERSIST', key) end
                end
                if ARGV[4] == '1' then redis.call('SREM', KEYS[6], ARGV[3]) else redis.call('SADD', KEYS[6], ARGV[3]) end
                if redis.call('SCARD', KEYS[6]) == 0 then redis.call('PEXPIRE', KEYS[5], ARGV[5]) else redis.call('PERSIST', KEYS[5]) end
              end
              return 1
            end
            """;

    /**
     * The append, as Lua functions for the scripts that use it. KEYS: conversation, message counter, transcript,
     * client ids, ..., and last the replies hash and the index of unanswered messages. ARGV, the last eight: client
     * message id ('' for none), the message JSON after its leading <code>{"id":0,</code>, the events channel, the
     * JSON of the {@code MessageAdded} event before and after its message, the id of the visitor message it answers
     * ('' for none), ':' and the conversation id (an unanswered entry after the message id), and the time it was
     * stored (ms) if it awaits the bot's answer, else ''.
     *
     * <p>{@code earlier()} finds what makes the append a repeat: for a repeated client id, {@code =} and the earlier
     * message's JSON, followed by a line feed and its answer's JSON when it has one (JSON never holds a raw line
     * feed); for an answer to a message already answered, {@code =} and that answer. {@code append()} stores the
     * message and returns {@code +} and its id.
     */
    private static final String APPEND_FUNCTION = """
            local function stored(id)
              return id and redis.call('ZRANGEBYSCORE', KEYS[3], id, id)[1]
            end
            local function earlier()
              local a = #ARGV - 7
              if ARGV[a] ~= '' then
                local id = redis.call('HGET', KEYS[4], ARGV[a])
                local message = stored(id)
                if message then
                  local reply = stored(redis.call('HGET', KEYS[#KEYS - 1], id))
                  if reply then return '=' .. message .. '\\n' .. reply end
                  return '=' .. message
                end
              end
              if ARGV[a + 5] ~= '' then
                local reply = stored(redis.call('HGET', KEYS[#KEYS - 1], ARGV[a + 5]))
                if reply then return '=' .. reply end
              end
              return false
            end
            local function append()
              local a = #ARGV - 7
              local id = redis.call('INCR', KEYS[2])
              local message = '{"id":' .. id .. ',' .. ARGV[a + 1]
              redis.call('ZADD', KEYS[3], id, message)
              if ARGV[a] ~= '' then redis.call('HSET', KEYS[4], ARGV[a], id) end
              if ARGV[a + 5] ~= '' then
                redis.call('HSET', KEYS[#KEYS - 1], ARGV[a + 5], id)
                redis.call('ZREM', KEYS[#KEYS], ARGV[a + 5] .. ARGV[a + 6])
              end
              if ARGV[a + 7] ~= '' then redis.call('ZADD', KEYS[#KEYS], ARGV[a + 7], id .. ARGV[a + 6]) end
              local ttl = redis.call('PTTL', KEYS[1])
              if ttl > 0 then
                for _, key in ipairs({KEYS[2], KEYS[3], KEYS[4], KEYS[#KEYS - 1]}) do redis.call('PEXPIRE', key, ttl) end
              end
              redis.call('PUBLISH', ARGV[a + 2], ARGV[a + 3] .. message .. ARGV[a + 4])
              return '+' .. id
            end
            """;

    /** The compare-and-set alone; returns its outcome as a string ('1', '0', '-1'). */
    private static final LuaScript COMPARE_AND_SET = new LuaScript(COMPARE_AND_SET_FUNCTION + """
            return tostring(compare_and_set())
            """, ScriptOutputType.VALUE);

    /**
     * The compare-and-set and, if it wrote, the append: a bot turn in one round trip. An answer to a message that
     * already has one changes nothing and returns that answer; else '0' or '-1' when nothing was written, or what
     * the append returns.
     */
    private static final LuaScript UPDATE_AND_APPEND = new LuaScript(COMPARE_AND_SET_FUNCTION + APPEND_FUNCTION + """
            local repeated = earlier()
            if repeated then return repeated end
            local outcome = compare_and_set()
            if outcome ~= 1 then return tostring(outcome) end
            return append()
            """, ScriptOutputType.VALUE);

    /** The append alone, to a conversation that exists; nil when it does not. */
    private static final LuaScript APPEND = new LuaScript(APPEND_FUNCTION + """
            if redis.call('EXISTS', KEYS[1]) == 0 then return false end
            return earlier() or append()
            """, ScriptOutputType.VALUE);

    /**
     * The append if the conversation's version is still ARGV[1], the one the caller checked the visitor's right to
     * write against; otherwise {@code !}, the current version, a space and the conversation's JSON, for the caller
     * to check again. Nil when the conversation does not exist.
     */
    private static final LuaScript APPEND_IF_UNCHANGED = new LuaScript(APPEND_FUNCTION + """
            local version = redis.call('HGET', KEYS[1], 'version')
            if not version then return false end
            if version ~= ARGV[1] then return '!' .. version .. ' ' .. redis.call('HGET', KEYS[1], 'data') end
            return earlier() or append()
            """, ScriptOutputType.VALUE);

    /**
     * KEYS: the index of unanswered messages. ARGV: stored before (ms), limit, now (ms). The oldest entries stored
     * before then, each claimed by moving its score to now.
     */
    private static final LuaScript CLAIM_UNANSWERED = new LuaScript("""
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
            for _, entry in ipairs(due) do redis.call('ZADD', KEYS[1], 'XX', ARGV[3], entry) end
            return due
            """, ScriptOutputType.MULTI);

    private final ConversationConnections redis;
    private final RedisKeys keys;
    private final Clock clock;
    private final String retentionMillis;
    private final JsonCodec json = new JsonCodec();
    private final LastSeenVersions lastSeen = new LastSeenVersions();

    public RedisConversationStore(RedisReactiveCommands<String, String> redis, RedisKeys keys, Clock clock, Duration retention) {
        this(ConversationConnections.single(redis), keys, clock, retention);
    }

    /**
     * @param retention how long a resolved conversation and its transcript are kept, e.g. {@link #DEFAULT_RETENTION}
     */
    public RedisConversationStore(ConversationConnections redis, RedisKeys keys, Clock clock, Duration retention) {
        this.redis = Objects.requireNonNull(redis, "redis");
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
                            conversation.id(), flag(conversation.state() == ConversationState.RESOLVED), retentionMillis,
                            flag(agent.isPresent()), queueMove(QueueMove.ofNew(conversation.state())));
        }).flatMap(created -> {
            if (created != 1L) {
                return Mono.error(new IllegalStateException("conversation id " + conversation.id() + " is taken"));
            }
            lastSeen.remember(conversation.id(), new Versioned(1, conversation));
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
        return updateWith(conversationId, change, COMPARE_AND_SET, NO_ARGS, (updated, reply) -> updated);
    }

    /** One script: the compare-and-set and the append, so a bot turn costs one round trip. */
    @Override
    public Mono<AppendedTo> updateAndAppend(String conversationId, UnaryOperator<Conversation> change, MessageDraft draft) {
        return Mono.defer(() -> {
            PendingMessage pending = pending(conversationId, draft);
            return updateWith(conversationId, change, UPDATE_AND_APPEND, pending.args(),
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
        String conversationId = pending.withoutId().conversationId();
        if (known != null && !known.conversation().acceptsMessagesFrom(visitorId)) {
            return Mono.empty();
        }
        String[] args = concat(new String[]{known == null ? "" : Long.toString(known.version())}, pending.args());
        if (known != null && known.conversation().botMaySpeak()) {
            // The script stores the message only if the conversation is still as checked: then the bot owes it an answer.
            args[args.length - 1] = Long.toString(pending.withoutId().at().toEpochMilli());
        }
        return APPEND_IF_UNCHANGED.<String>run(redis.of(conversationId), messageKeys(conversationId), args)
                .switchIfEmpty(Mono.fromRunnable(() -> lastSeen.forget(conversationId)))
                .flatMap(reply -> {
                    if (reply.charAt(0) != '!') {
                        return Mono.just(new AppendedTo(known.conversation(), appended(pending, reply)));
                    }
                    if (attempt >= MAX_UPDATE_ATTEMPTS) {
                        return Mono.error(new IllegalStateException("gave up appending to conversation " + conversationId
                                + " after " + attempt + " concurrent updates"));
                    }
                    int space = reply.indexOf(' ');
                    Versioned current = new Versioned(Long.parseLong(reply.substring(1, space)),
                            json.decodeConversation(reply.substring(space + 1)));
                    lastSeen.remember(conversationId, current);
                    return appendIfUnchanged(visitorId, pending, current, attempt + 1);
                });
    }

    /**
     * Applies {@code change} and writes the result with {@code script}, whose first arguments are the
     * compare-and-set's and which replies '0' on a version conflict, '-1' when the conversation is gone, and
     * anything else (given to {@code written} with the new conversation) when it wrote.
     */
    private <T> Mono<T> updateWith(String conversationId, UnaryOperator<Conversation> change, LuaScript script,
                                   String[] moreArgs, BiFunction<Conversation, String, T> written) {
        return Mono.defer(() -> {
            Versioned known = lastSeen.get(conversationId);
            Write<T> write = new Write<>(conversationId, change, script, moreArgs, written);
            return known == null ? attemptUpdate(write, read(conversationId), 1) : attemptUpdate(write, Mono.just(known), 0);
        });
    }

    private record Write<T>(String conversationId, UnaryOperator<Conversation> change, LuaScript script,
                            String[] moreArgs, BiFunction<Conversation, String, T> written) {
    }

    /** Attempt 0 starts from a remembered version; a conflict there is no race, so it re-reads at once. */
    private <T> Mono<T> attemptUpdate(Write<T> write, Mono<Versioned> currentVersion, int attempt) {
        String conversationId = write.conversationId();
        return currentVersion.flatMap(current -> {
            Conversation next = Objects.requireNonNull(write.change().apply(current.conversation()), "a conversation update returned null");
            if (!next.id().equals(conversationId) || !next.visitorId().equals(current.conversation().visitorId())) {
                return Mono.error(new IllegalArgumentException("an update may not change a conversation's id or visitor"));
            }
            return compareAndSet(write, current.conversation(), current.version(), next).flatMap(reply -> {
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
        boolean wasResolved = current.state() == ConversationState.RESOLVED;
        boolean resolved = next.state() == ConversationState.RESOLVED;
        String lifecycle = resolved ? "1" : wasResolved ? "0" : "";
        String[] args = {Long.toString(expectedVersion), json.encode(next), id, lifecycle, retentionMillis,
                flag(previousAgent.isPresent()), flag(newAgent.isPresent()), queueMove(QueueMove.of(current.state(), next.state()))};
        return write.script().run(redis.of(id), scriptKeys, concat(args, write.moreArgs()));
    }

    @Override
    public Mono<Appended> appendOnce(String conversationId, MessageDraft draft) {
        return Mono.defer(() -> {
            PendingMessage pending = pending(conversationId, draft);
            return APPEND.<String>run(redis.of(conversationId), messageKeys(conversationId), pending.args())
                    .map(reply -> appended(pending, reply));
        });
    }

    /**
     * A message about to be appended: as it will be stored but for its id, and the append function's arguments (the
     * last one, whether the message awaits the bot's answer, empty: no).
     */
    private record PendingMessage(Message withoutId, String[] args) {
    }

    private PendingMessage pending(String conversationId, MessageDraft draft) {
        Message withoutId = new Message(0, conversationId, draft.from(), draft.text(), draft.quickReplies(),
                clock.instant(), draft.authorName(), draft.clientMessageId(), draft.intent(), draft.replyTo());
        String encoded = json.encode(withoutId);
        if (!encoded.startsWith(JsonCodec.MESSAGE_WITHOUT_ID)) {
            throw new IllegalStateException("a message's JSON must start with its id: " + encoded);
        }
        String[] event = json.messageAddedAround(conversationId);
        return new PendingMessage(withoutId, new String[]{draft.clientMessageId().orElse(""),
                encoded.substring(JsonCodec.MESSAGE_WITHOUT_ID.length()), keys.eventsChannel(), event[0], event[1],
                draft.replyTo().isPresent() ? Long.toString(draft.replyTo().getAsLong()) : "", ":" + conversationId, ""});
    }

    /**
     * What the append functions' reply says: the new message's id; or the earlier message of a repeated client id
     * and, after a line feed, its answer if it has one; or the earlier answer to the message a draft answers.
     */
    private Appended appended(PendingMessage pending, String reply) {
        if (reply.charAt(0) == '+') {
            Message m = pending.withoutId();
            return new Appended(new Message(Long.parseLong(reply, 1, reply.length(), 10), m.conversationId(), m.from(),
                    m.text(), m.quickReplies(), m.at(), m.authorName(), m.clientMessageId(), m.intent(), m.replyTo()), true);
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
    private static final LuaScript REPAIR_QUEUE = new LuaScript(QUEUE_FUNCTION + """
            local repaired = {}
            for i, id in ipairs(ARGV) do
              local data = redis.call('HGET', KEYS[i + 2], 'data')
              local queued = redis.call('ZSCORE', KEYS[1], id)
              local waiting = data and string.find(data, 'WAITING_FOR_AGENT', 1, true)
                  and cjson.decode(data).state == 'WAITING_FOR_AGENT'
              if queued and not data then
                queue_move(KEYS[1], KEYS[2], 'leave', id)
                table.insert(repaired, 'gone ' .. id)
              elseif queued and not waiting then
                queue_move(KEYS[1], KEYS[2], 'leave', id)
                table.insert(repaired, 'not-waiting ' .. id)
              elseif waiting and not queued then
                queue_move(KEYS[1], KEYS[2], 'back', id)
                table.insert(repaired, 'not-queued ' .. id)
              end
            end
            return repaired
            """, ScriptOutputType.MULTI);
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

    private static String flag(boolean on) {
        return on ? "1" : "0";
    }

    /** A conversation as stored, with the version the compare-and-set script checks. */
    private record Versioned(long version, Conversation conversation) {
    }

    /**
     * The version of each conversation this node last read or wrote, for the {@link #update} that usually follows.
     * Only a hint: the compare-and-set checks it, so a stale entry costs a re-read, never a lost update. Keeps the
     * {@value #MAX_REMEMBERED} most recently used.
     */
    private static final class LastSeenVersions {
        private static final int MAX_REMEMBERED = 4_096;

        private final Map<String, Versioned> versions = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Versioned> eldest) {
                return size() > MAX_REMEMBERED;
            }
        };

        synchronized Versioned get(String conversationId) {
            return versions.get(conversationId);
        }

        synchronized void remember(String conversationId, Versioned versioned) {
            Versioned known = versions.get(conversationId);
            if (known == null || known.version() <= versioned.version()) {
                versions.put(conversationId, versioned);
            }
        }

        synchronized void forget(String conversationId) {
            versions.remove(conversationId);
        }
    }
}
