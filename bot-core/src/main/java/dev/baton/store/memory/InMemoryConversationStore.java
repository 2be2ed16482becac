package dev.baton.store.memory;

import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Appended;
import dev.baton.conversation.AppendedTo;
import dev.baton.conversation.AtCapacityException;
import dev.baton.conversation.Conversation;
import dev.baton.events.ConversationEvent;
import dev.baton.events.ConversationEvents;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.conversation.QueueMove;
import dev.baton.conversation.QueueRepair;
import dev.baton.conversation.UnansweredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Conversations, transcripts and the agents' queue in this node's memory: the single-node default, gone on restart.
 *
 * <p>Creating and updating take one lock (cheap next to everything else a turn does), under which the state and
 * the queue change together ({@link QueueMove}); reads of conversations take no lock. A resolved conversation — with
 * its transcript, client message ids and visitor-index entry — is evicted a retention after it was resolved, and
 * one left with the bot a retention after its last change, so a long-running node does not grow for ever; eviction happens as conversations are created and updated, and on a
 * schedule ({@link #evictEvery}) so that a quiet node shrinks too. Each
 * transcript's lock makes its appends atomic, and a bot turn's update and answer one step.
 *
 * <p>The store also holds at most {@code capacity} conversations: beyond, it forgets the least recently created or
 * updated conversation that no person is part of (with the bot, or resolved), with its transcript. Why: resolved
 * conversations are the only ones a retention frees, and most conversations never are — visitors leave the bot
 * without saying goodbye. Measured: 1,000 visitors asking 2,500 questions a second, a new conversation every five,
 * filled a 1 GB heap in about four minutes (about 8 KB per conversation of ten messages) and the node stopped
 * answering; see docs/benchmarks.md. A conversation waiting for or with an agent is never forgotten, however full
 * the store.
 */
public final class InMemoryConversationStore implements ConversationStore {

    /** As long as the Redis store keeps them. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    /** About 160 MB of conversations of ten messages each. */
    public static final int DEFAULT_CAPACITY = 20_000;
    private static final Logger log = LoggerFactory.getLogger(InMemoryConversationStore.class);

    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
    private final Map<String, Transcript> transcripts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> byVisitor = new ConcurrentHashMap<>();
    private final Object writes = new Object();
    private final InMemoryAgentQueue queue = new InMemoryAgentQueue(writes);
    /** The ids of the conversations each agent is talking in now; guarded by {@code writes}. */
    private final Map<String, Set<String>> byAgent = new HashMap<>();
    /** Resolved conversations in order of resolution, so the oldest expire first; guarded by {@code writes}. */
    private final Deque<Expiry> expiries = new ArrayDeque<>();
    /** Each unanswered message, with when it was stored or last claimed. */
    private final Map<UnansweredMessage, Instant> unanswered = new ConcurrentHashMap<>();
    /** Every conversation, the least recently created or updated first; guarded by {@code writes}. */
    private final LinkedHashSet<String> byActivity = new LinkedHashSet<>();
    private final Clock clock;
    private final ConversationEvents events;
    private final Duration retention;
    private final int capacity;
    private boolean toldFull;

    /** @param events where appended messages are announced */
    public InMemoryConversationStore(Clock clock, ConversationEvents events) {
        this(clock, events, DEFAULT_RETENTION, DEFAULT_CAPACITY);
    }

    /**
     * @param retention how long a resolved conversation and its transcript are kept
     * @param capacity  how many conversations are kept at most (those an agent is part of excepted)
     */
    public InMemoryConversationStore(Clock clock, ConversationEvents events, Duration retention, int capacity) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.clock = clock;
        this.events = events;
        this.retention = retention;
        this.capacity = capacity;
    }

    /** The queue this store keeps in step with the conversations' states. */
    public InMemoryAgentQueue queue() {
        return queue;
    }

    @Override
    public Mono<Conversation> create(Conversation conversation) {
        return Mono.fromCallable(() -> {
            synchronized (writes) {
                evictExpired();
                if (conversations.putIfAbsent(conversation.id(), conversation) != null) {
                    throw new IllegalStateException("conversation id " + conversation.id() + " is taken");
                }
                transcripts.put(conversation.id(), new Transcript());
                byVisitor.computeIfAbsent(conversation.visitorId(), v -> new CopyOnWriteArrayList<>()).add(conversation.id());
                queue.move(conversation.id(), QueueMove.ofNew(conversation.state()));
                indexByAgent(null, conversation);
                expireIfResolved(null, conversation);
                byActivity.add(conversation.id());
                evictBeyondCapacity();
                return conversation;
            }
        });
    }

    @Override
    public Mono<Conversation> find(String conversationId) {
        return Mono.fromSupplier(() -> conversations.get(conversationId));
    }

    /** An exception thrown by the change propagates and leaves the conversation and the queue untouched. */
    @Override
    public Mono<Conversation> update(String conversationId, UnaryOperator<Conversation> change) {
        return Mono.fromCallable(() -> updated(conversationId, change));
    }

    /** Counts and writes under the one write lock, so no concurrent assignment slips between the two. */
    @Override
    public Mono<Conversation> updateWithinCapacity(String conversationId, UnaryOperator<Conversation> change, int agentCapacity) {
        return Mono.fromCallable(() -> updated(conversationId, change, agentCapacity));
    }

    @Override
    public Mono<Integer> countWithAgent(String agentUsername) {
        return Mono.fromCallable(() -> openWith(agentUsername));
    }

    private int openWith(String agentUsername) {
        synchronized (writes) {
            return byAgent.getOrDefault(agentUsername, Set.of()).size();
        }
    }

    /** Called under {@code writes}: moves the conversation between the agents' sets as it changes hands. */
    private void indexByAgent(Conversation before, Conversation after) {
        talkingIn(before).ifPresent(agent -> byAgent.computeIfPresent(agent, (a, ids) -> {
            ids.remove(before.id());
            return ids.isEmpty() ? null : ids;
        }));
        talkingIn(after).ifPresent(agent -> byAgent.computeIfAbsent(agent, a -> new HashSet<>()).add(after.id()));
    }

    private static Optional<String> talkingIn(Conversation c) {
        return c == null ? Optional.empty() : c.agent().map(AgentRef::username).filter(c::isAssignedTo);
    }

    private Conversation updated(String conversationId, UnaryOperator<Conversation> change) {
        return updated(conversationId, change, Integer.MAX_VALUE);
    }

    /** The conversation after {@code change}; null when it is unknown. */
    private Conversation updated(String conversationId, UnaryOperator<Conversation> change, int agentCapacity) {
        synchronized (writes) {
            evictExpired();
            Conversation current = conversations.get(conversationId);
            if (current == null) {
                return null;
            }
            Conversation next = change.apply(current);
            Optional<String> joining = talkingIn(next).filter(agent -> !current.isAssignedTo(agent));
            if (joining.isPresent() && openWith(joining.get()) >= agentCapacity) {
                throw new AtCapacityException(joining.get(), agentCapacity);
            }
            conversations.put(conversationId, next);
            indexByAgent(current, next);
            queue.move(conversationId, QueueMove.of(current.state(), next.state()));
            expireIfResolved(current, next);
            byActivity.remove(conversationId);
            byActivity.add(conversationId);
            return next;
        }
    }

    @Override
    public Flux<QueueRepair> repairQueue() {
        return Flux.defer(() -> {
            List<QueueRepair> repaired = new ArrayList<>();
            synchronized (writes) {
                for (String id : queue.ids()) {
                    Conversation queued = conversations.get(id);
                    if (queued == null || queued.state() != ConversationState.WAITING_FOR_AGENT) {
                        queue.move(id, QueueMove.LEAVE);
                        repaired.add(new QueueRepair(id, queued == null ? QueueRepair.Fault.CONVERSATION_GONE : QueueRepair.Fault.NOT_WAITING));
                    }
                }
                conversations.values().stream()
                        .filter(c -> c.state() == ConversationState.WAITING_FOR_AGENT && !queue.contains(c.id()))
                        .sorted(Comparator.comparing(Conversation::updatedAt))
                        .forEach(c -> {
                            queue.move(c.id(), QueueMove.BACK);
                            repaired.add(new QueueRepair(c.id(), QueueRepair.Fault.NOT_QUEUED));
                        });
            }
            return Flux.fromIterable(repaired);
        });
    }

    /** Called under {@code writes}: a conversation resolved now expires a retention from now. */
    private void expireIfResolved(Conversation before, Conversation after) {
        boolean wasResolved = before != null && before.state() == ConversationState.RESOLVED;
        if (after.state() == ConversationState.RESOLVED && !wasResolved) {
            expiries.addLast(new Expiry(after.id(), clock.instant().plus(retention)));
        }
    }

    /**
     * Forgets every conversation resolved longer than the retention ago; emits how many. Writes do it too, but a
     * node nobody writes to must shrink as well: see {@link #evictEvery}.
     */
    public Mono<Integer> evictNow() {
        return Mono.fromCallable(() -> {
            synchronized (writes) {
                return evictExpired();
            }
        });
    }

    /** {@link #evictNow()} every {@code period} on {@code scheduler} until cancelled; emits each round's count. */
    public Flux<Integer> evictEvery(Duration period, Scheduler scheduler) {
        return Flux.interval(period, period, scheduler)
                .onBackpressureDrop()
                .concatMap(tick -> evictNow(), 1);
    }

    /**
     * Called under {@code writes}: forgets every conversation resolved longer than the retention ago, and every one
     * left with the bot that long, as the Redis store's expiries do.
     */
    private int evictExpired() {
        int evicted = evictIdleWithTheBot();
        Instant now = clock.instant();
        while (!expiries.isEmpty() && !expiries.peekFirst().at().isAfter(now)) {
            String id = expiries.removeFirst().conversationId();
            Conversation expired = conversations.get(id);
            if (expired != null && expired.state() == ConversationState.RESOLVED) {
                forget(expired);
                byActivity.remove(id);
                evicted++;
            }
        }
        return evicted;
    }

    /** Called under {@code writes}: the least recently active first, up to the first one active within the retention. */
    private int evictIdleWithTheBot() {
        int evicted = 0;
        Instant idleSince = clock.instant().minus(retention);
        Iterator<String> leastRecent = byActivity.iterator();
        while (leastRecent.hasNext()) {
            Conversation idle = conversations.get(leastRecent.next());
            if (idle.updatedAt().isAfter(idleSince)) {
                break;
            }
            if (idle.state() == ConversationState.BOT) {
                leastRecent.remove();
                forget(idle);
                evicted++;
            }
        }
        return evicted;
    }

    /** Called under {@code writes}: forgets the least recently active conversations no person is part of. */
    private void evictBeyondCapacity() {
        Iterator<String> leastRecent = byActivity.iterator();
        while (conversations.size() > capacity && leastRecent.hasNext()) {
            Conversation oldest = conversations.get(leastRecent.next());
            if (oldest.state() == ConversationState.BOT || oldest.state() == ConversationState.RESOLVED) {
                if (!toldFull) {
                    toldFull = true;
                    log.warn("The in-memory store holds {} conversations, its capacity: from now on it forgets the least "
                            + "recently active ones no agent is part of (baton.retention.in-memory-conversations; the Redis "
                            + "store has no such limit)", capacity);
                }
                leastRecent.remove();
                forget(oldest);
            }
        }
    }

    @Override
    public Mono<Integer> erase(String conversationId) {
        return Mono.fromCallable(() -> {
            synchronized (writes) {
                Conversation erased = conversations.get(conversationId);
                if (erased == null) {
                    return null;
                }
                Transcript transcript = transcripts.get(conversationId);
                int messages = transcript == null ? 0 : transcript.after(0).size();
                indexByAgent(erased, null);
                queue.move(conversationId, QueueMove.LEAVE);
                byActivity.remove(conversationId);
                forget(erased);
                return messages;
            }
        });
    }

    @Override
    public Flux<Conversation> withMessageMatching(Predicate<String> matches) {
        return Flux.defer(() -> Flux.fromIterable(List.copyOf(transcripts.entrySet())))
                .filter(entry -> entry.getValue().after(0).stream().anyMatch(m -> matches.test(m.text())))
                .mapNotNull(entry -> conversations.get(entry.getKey()));
    }

    /** Called under {@code writes}: the conversation, its transcript and every index entry of it. */
    private void forget(Conversation conversation) {
        String id = conversation.id();
        conversations.remove(id);
        transcripts.remove(id);
        byVisitor.computeIfPresent(conversation.visitorId(), (visitor, ids) -> {
            ids.remove(id);
            return ids.isEmpty() ? null : ids;
        });
        unanswered.keySet().removeIf(message -> message.conversationId().equals(id));
    }

    private record Expiry(String conversationId, Instant at) {
    }

    @Override
    public Mono<Appended> appendOnce(String conversationId, MessageDraft draft) {
        return announced(Mono.fromCallable(() -> {
            Transcript transcript = transcripts.get(conversationId);
            return transcript == null ? null : append(conversationId, transcript, draft, false);
        }));
    }

    @Override
    public Mono<AppendedTo> appendAsVisitor(String conversationId, String visitorId, MessageDraft draft) {
        return Mono.fromCallable(() -> {
            Transcript transcript = transcripts.get(conversationId);
            if (transcript == null) {
                return null;
            }
            synchronized (transcript) {
                Conversation current = conversations.get(conversationId);
                return current != null && current.acceptsMessagesFrom(visitorId)
                        ? new AppendedTo(current, append(conversationId, transcript, draft, current.botMaySpeak()))
                        : null;
            }
        }).flatMap(stored -> announced(Mono.just(stored.appended())).thenReturn(stored));
    }

    /** The transcript's lock, then the update's: an answer already given is seen before the turn is recorded. */
    @Override
    public Mono<AppendedTo> updateAndAppend(String conversationId, UnaryOperator<Conversation> change, MessageDraft draft) {
        return Mono.fromCallable(() -> {
            Transcript transcript = transcripts.get(conversationId);
            if (transcript == null) {
                return null;
            }
            synchronized (transcript) {
                Optional<Message> earlier = transcript.answerTo(draft);
                if (earlier.isPresent()) {
                    return new AppendedTo(conversations.get(conversationId), new Appended(earlier.get(), false));
                }
                Conversation updated = updated(conversationId, change);
                return updated == null ? null : new AppendedTo(updated, append(conversationId, transcript, draft, false));
            }
        }).flatMap(stored -> announced(Mono.just(stored.appended())).thenReturn(stored));
    }

    private Appended append(String conversationId, Transcript transcript, MessageDraft draft, boolean awaitsAnswer) {
        synchronized (transcript) {
            Appended appended = transcript.append(conversationId, draft, clock);
            if (appended.fresh()) {
                Message message = appended.message();
                message.replyTo().ifPresent(answered -> unanswered.remove(new UnansweredMessage(conversationId, answered)));
                if (awaitsAnswer) {
                    unanswered.put(new UnansweredMessage(conversationId, message.id()), message.at());
                }
            }
            return appended;
        }
    }

    private Mono<Appended> announced(Mono<Appended> appending) {
        return appending.flatMap(appended -> appended.fresh()
                ? events.publish(new ConversationEvent.MessageAdded(appended.message().conversationId(), appended.message())).thenReturn(appended)
                : Mono.just(appended));
    }

    /** Oldest first; claiming one is a compare-and-set of its time, so that two sweeps never both get it. */
    @Override
    public Flux<UnansweredMessage> claimUnanswered(Instant storedBefore, int limit) {
        return Flux.defer(() -> {
            Instant now = clock.instant();
            return Flux.fromIterable(unanswered.entrySet().stream()
                    .filter(due -> !due.getValue().isAfter(storedBefore))
                    .sorted(Map.Entry.<UnansweredMessage, Instant>comparingByValue()
                            .thenComparing(due -> due.getKey().messageId()))
                    .limit(limit)
                    .filter(due -> unanswered.replace(due.getKey(), due.getValue(), now))
                    .map(Map.Entry::getKey)
                    .toList());
        });
    }

    @Override
    public Mono<Void> forgetUnanswered(UnansweredMessage message) {
        return Mono.fromRunnable(() -> unanswered.remove(message));
    }

    @Override
    public Flux<Message> transcript(String conversationId, long afterId) {
        return Flux.defer(() -> {
            Transcript transcript = transcripts.get(conversationId);
            return transcript == null ? Flux.empty() : Flux.fromIterable(transcript.after(afterId));
        });
    }

    @Override
    public Flux<Conversation> ofVisitor(String visitorId) {
        return Flux.defer(() -> Flux.fromIterable(byVisitor.getOrDefault(visitorId, List.of())))
                .mapNotNull(conversations::get);
    }

    @Override
    public Flux<Conversation> withAgent(String agentUsername) {
        return Flux.defer(() -> {
                    synchronized (writes) {
                        return Flux.fromIterable(List.copyOf(byAgent.getOrDefault(agentUsername, Set.of())));
                    }
                })
                .mapNotNull(conversations::get)
                .filter(c -> c.isAssignedTo(agentUsername))
                .sort(Comparator.comparing(Conversation::startedAt));
    }

    private static final class Transcript {
        private final List<Message> messages = new ArrayList<>();
        private final Map<String, Message> byClientId = new HashMap<>();
        /** The answer to each visitor message that has one, by the visitor message's id. */
        private final Map<Long, Message> answers = new HashMap<>();

        synchronized Appended append(String conversationId, MessageDraft draft, Clock clock) {
            Optional<Message> earlier = draft.clientMessageId().map(byClientId::get);
            if (earlier.isPresent()) {
                return new Appended(earlier.get(), false, Optional.ofNullable(answers.get(earlier.get().id())));
            }
            Optional<Message> earlierAnswer = answerTo(draft);
            if (earlierAnswer.isPresent()) {
                return new Appended(earlierAnswer.get(), false);
            }
            Message message = Message.stored(messages.size() + 1L, conversationId, draft, clock.instant());
            messages.add(message);
            draft.clientMessageId().ifPresent(id -> byClientId.put(id, message));
            draft.replyTo().ifPresent(answered -> answers.put(answered, message));
            return new Appended(message, true);
        }

        /** The answer already stored to the message {@code draft} answers, if it is an answer and there is one. */
        synchronized Optional<Message> answerTo(MessageDraft draft) {
            return draft.replyTo().isPresent() ? Optional.ofNullable(answers.get(draft.replyTo().getAsLong())) : Optional.empty();
        }

        synchronized List<Message> after(long afterId) {
            int from = (int) Math.min(Math.max(afterId, 0), messages.size());
            return List.copyOf(messages.subList(from, messages.size()));
        }
    }
}
