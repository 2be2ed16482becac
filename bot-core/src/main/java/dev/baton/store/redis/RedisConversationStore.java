package dev.baton.store.redis;

import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Appended;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import io.lettuce.core.KeyValue;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
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
 * set and joins the new agent's set in the same step), so {@link #withAgent} never misses a conversation.
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

    private static final String DATA = "data";
    private static final String VERSION = "version";

    /**
     * KEYS: conversation, visitor index, visitor's open conversations, agent's index. ARGV: JSON, start (ms, the
     * index score), id, resolved (1/0), retention (ms), join the agent's index (1/0). Returns 1 when created, 0 when
     * the id is taken. The visitor's index stays while any of the visitor's conversations is open, and expires a
     * retention after the last one is resolved.
     */
    private static final LuaScript CREATE = new LuaScript("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], 'data', ARGV[1], 'version', 1)
            if ARGV[4] == '1' then redis.call('PEXPIRE', KEYS[1], ARGV[5]) end
            if ARGV[6] == '1' then redis.call('SADD', KEYS[4], ARGV[3]) end
            redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
            if ARGV[4] == '1' then redis.call('SREM', KEYS[3], ARGV[3]) else redis.call('SADD', KEYS[3], ARGV[3]) end
            if redis.call('SCARD', KEYS[3]) == 0 then redis.call('PEXPIRE', KEYS[2], ARGV[5]) else redis.call('PERSIST', KEYS[2]) end
            return 1
            """, ScriptOutputType.INTEGER);

    /**
     * KEYS: conversation, message counter, transcript, client ids, visitor index, visitor's open conversations,
     * previous agent's index, new agent's index. ARGV: expected version, JSON, id, resolved (1/0), retention (ms),
     * leave previous agent (1/0), join new agent (1/0). Returns 1 when written, 0 on a version conflict, -1 when
     * the conversation is gone.
     */
    private static final LuaScript COMPARE_AND_SET = new LuaScript("""
            local version = redis.call('HGET', KEYS[1], 'version')
            if not version then return -1 end
            if version ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'data', ARGV[2], 'version', tonumber(version) + 1)
            if ARGV[6] == '1' then redis.call('SREM', KEYS[7], ARGV[3]) end
            if ARGV[7] == '1' then redis.call('SADD', KEYS[8], ARGV[3]) end
            for i = 1, 4 do
              if ARGV[4] == '1' then redis.call('PEXPIRE', KEYS[i], ARGV[5], 'NX') else redis.call('PERSIST', KEYS[i]) end
            end
            if ARGV[4] == '1' then redis.call('SREM', KEYS[6], ARGV[3]) else redis.call('SADD', KEYS[6], ARGV[3]) end
            if redis.call('SCARD', KEYS[6]) == 0 then redis.call('PEXPIRE', KEYS[5], ARGV[5]) else redis.call('PERSIST', KEYS[5]) end
            return 1
            """, ScriptOutputType.INTEGER);

    /**
     * KEYS: conversation, message counter, transcript, client ids. ARGV: client message id ('' for none), the
     * message JSON after its leading <code>{"id":0,</code>, the events channel, and the JSON of the
     * {@code MessageAdded} event before and after its message. Returns the stored message's JSON after a
     * one-character mark: {@code +} when stored (and announced) now, {@code =} for the earlier message of a repeated
     * client id; nil when the conversation does not exist.
     */
    private static final LuaScript APPEND = new LuaScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return false end
            if ARGV[1] ~= '' then
              local earlier = redis.call('HGET', KEYS[4], ARGV[1])
              if earlier then
                local found = redis.call('ZRANGEBYSCORE', KEYS[3], earlier, earlier)
                if found[1] then return '=' .. found[1] end
              end
            end
            local id = redis.call('INCR', KEYS[2])
            local message = '{"id":' .. id .. ',' .. ARGV[2]
            redis.call('ZADD', KEYS[3], id, message)
            if ARGV[1] ~= '' then redis.call('HSET', KEYS[4], ARGV[1], id) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl > 0 then
              for i = 2, 4 do redis.call('PEXPIRE', KEYS[i], ttl) end
            end
            redis.call('PUBLISH', ARGV[3], ARGV[4] .. message .. ARGV[5])
            return '+' .. message
            """, ScriptOutputType.VALUE);

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
                                    agent.map(keys::agentConversations).orElse(conversationKey)},
                            json.encode(conversation), Long.toString(conversation.startedAt().toEpochMilli()),
                            conversation.id(), flag(conversation.state() == ConversationState.RESOLVED), retentionMillis,
                            flag(agent.isPresent()));
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
        return Mono.defer(() -> {
            Versioned known = lastSeen.get(conversationId);
            return known == null
                    ? attemptUpdate(conversationId, change, read(conversationId), 1)
                    : attemptUpdate(conversationId, change, Mono.just(known), 0);
        });
    }

    /** Attempt 0 starts from a remembered version; a conflict there is no race, so it re-reads at once. */
    private Mono<Conversation> attemptUpdate(String conversationId, UnaryOperator<Conversation> change,
                                             Mono<Versioned> currentVersion, int attempt) {
        return currentVersion.flatMap(current -> {
            Conversation next = Objects.requireNonNull(change.apply(current.conversation()), "a conversation update returned null");
            if (!next.id().equals(conversationId) || !next.visitorId().equals(current.conversation().visitorId())) {
                return Mono.error(new IllegalArgumentException("an update may not change a conversation's id or visitor"));
            }
            return compareAndSet(current.conversation(), current.version(), next).flatMap(outcome -> {
                if (outcome == 1L) {
                    lastSeen.remember(conversationId, new Versioned(current.version() + 1, next));
                    return Mono.just(next);
                }
                lastSeen.forget(conversationId);
                if (outcome == -1L) {
                    return Mono.empty();
                }
                if (attempt >= MAX_UPDATE_ATTEMPTS) {
                    return Mono.error(new IllegalStateException("gave up updating conversation " + conversationId
                            + " after " + attempt + " conflicting concurrent updates"));
                }
                Mono<Versioned> reread = read(conversationId);
                return attempt == 0
                        ? attemptUpdate(conversationId, change, reread, 1)
                        : Mono.delay(backoff(attempt)).then(attemptUpdate(conversationId, change, reread, attempt + 1));
            });
        });
    }

    /** The stored conversation and its version, remembered for the next update; empty (and forgotten) if gone. */
    private Mono<Versioned> read(String conversationId) {
        // The asynchronous API, as for scripts (see LuaScript): this read runs on every visitor message.
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

    private Mono<Long> compareAndSet(Conversation current, long expectedVersion, Conversation next) {
        String id = next.id();
        Optional<String> previousAgent = current.agent().map(AgentRef::username);
        Optional<String> newAgent = agentTalkingIn(next);
        String conversationKey = keys.conversation(id);
        String[] scriptKeys = {
                conversationKey, keys.messageCounter(id), keys.transcript(id), keys.clientMessageIds(id),
                keys.visitorConversations(next.visitorId()), keys.visitorOpenConversations(next.visitorId()),
                previousAgent.map(keys::agentConversations).orElse(conversationKey),
                newAgent.map(keys::agentConversations).orElse(conversationKey)};
        return COMPARE_AND_SET.<Long>run(redis.of(id), scriptKeys,
                        Long.toString(expectedVersion), json.encode(next), id, flag(next.state() == ConversationState.RESOLVED),
                        retentionMillis, flag(previousAgent.isPresent()), flag(newAgent.isPresent()));
    }

    @Override
    public Mono<Appended> appendOnce(String conversationId, MessageDraft draft) {
        return Mono.defer(() -> {
            Message withoutId = new Message(0, conversationId, draft.from(), draft.text(), draft.quickReplies(),
                    clock.instant(), draft.authorName(), draft.clientMessageId(), draft.intent());
            String encoded = json.encode(withoutId);
            if (!encoded.startsWith(JsonCodec.MESSAGE_WITHOUT_ID)) {
                return Mono.error(new IllegalStateException("a message's JSON must start with its id: " + encoded));
            }
            String[] event = json.messageAddedAround(conversationId);
            return APPEND.<String>run(redis.of(conversationId),
                            new String[]{keys.conversation(conversationId), keys.messageCounter(conversationId),
                                    keys.transcript(conversationId), keys.clientMessageIds(conversationId)},
                            draft.clientMessageId().orElse(""), encoded.substring(JsonCodec.MESSAGE_WITHOUT_ID.length()),
                            keys.eventsChannel(), event[0], event[1])
                    .map(marked -> new Appended(json.decodeMessage(marked.substring(1)), marked.charAt(0) == '+'));
        });
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
