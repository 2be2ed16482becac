package dev.baton.store.memory;

import dev.baton.conversation.Appended;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationEvent;
import dev.baton.conversation.ConversationEvents;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** Conversations and transcripts in this node's memory: the single-node default, gone on restart. */
public final class InMemoryConversationStore implements ConversationStore {

    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
    private final Map<String, Transcript> transcripts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> byVisitor = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ConversationEvents events;

    /** @param events where appended messages are announced */
    public InMemoryConversationStore(Clock clock, ConversationEvents events) {
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Mono<Conversation> create(Conversation conversation) {
        return Mono.fromCallable(() -> {
            if (conversations.putIfAbsent(conversation.id(), conversation) != null) {
                throw new IllegalStateException("conversation id " + conversation.id() + " is taken");
            }
            transcripts.put(conversation.id(), new Transcript());
            byVisitor.computeIfAbsent(conversation.visitorId(), v -> new CopyOnWriteArrayList<>()).add(conversation.id());
            return conversation;
        });
    }

    @Override
    public Mono<Conversation> find(String conversationId) {
        return Mono.fromSupplier(() -> conversations.get(conversationId));
    }

    @Override
    public Mono<Conversation> update(String conversationId, UnaryOperator<Conversation> change) {
        // compute() holds the entry's lock, so the change sees the latest value and no update is lost;
        // an exception thrown by the change propagates and leaves the entry untouched.
        return Mono.fromCallable(() -> conversations.computeIfPresent(conversationId, (id, current) -> change.apply(current)));
    }

    @Override
    public Mono<Appended> appendOnce(String conversationId, MessageDraft draft) {
        return Mono.fromCallable(() -> {
            Transcript transcript = transcripts.get(conversationId);
            return transcript == null ? null : transcript.append(conversationId, draft, clock);
        }).flatMap(appended -> appended.fresh()
                ? events.publish(new ConversationEvent.MessageAdded(conversationId, appended.message())).thenReturn(appended)
                : Mono.just(appended));
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
        return Flux.defer(() -> Flux.fromIterable(conversations.values()))
                .filter(c -> c.isAssignedTo(agentUsername))
                .sort(java.util.Comparator.comparing(Conversation::startedAt));
    }

    private static final class Transcript {
        private final List<Message> messages = new ArrayList<>();
        private final Map<String, Message> byClientId = new HashMap<>();

        synchronized Appended append(String conversationId, MessageDraft draft, Clock clock) {
            Optional<Message> earlier = draft.clientMessageId().map(byClientId::get);
            if (earlier.isPresent()) {
                return new Appended(earlier.get(), false);
            }
            Message message = new Message(messages.size() + 1L, conversationId, draft.from(), draft.text(),
                    draft.quickReplies(), clock.instant(), draft.authorName(), draft.clientMessageId(), draft.intent());
            messages.add(message);
            draft.clientMessageId().ifPresent(id -> byClientId.put(id, message));
            return new Appended(message, true);
        }

        synchronized List<Message> after(long afterId) {
            int from = (int) Math.min(Math.max(afterId, 0), messages.size());
            return List.copyOf(messages.subList(from, messages.size()));
        }
    }
}
