package dev.baton.engine;

import dev.baton.conversation.Appended;
import dev.baton.conversation.AppendedTo;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.conversation.QueueRepair;
import dev.baton.conversation.UnansweredMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** A store that passes everything to another, for tests that watch or break one operation. */
abstract class DelegatingConversationStore implements ConversationStore {

    protected final ConversationStore store;

    DelegatingConversationStore(ConversationStore store) {
        this.store = store;
    }

    @Override
    public Mono<Conversation> create(Conversation conversation) {
        return store.create(conversation);
    }

    @Override
    public Mono<Conversation> find(String conversationId) {
        return store.find(conversationId);
    }

    @Override
    public Mono<Conversation> update(String conversationId, UnaryOperator<Conversation> change) {
        return store.update(conversationId, change);
    }

    @Override
    public Mono<Conversation> updateWithinCapacity(String conversationId, UnaryOperator<Conversation> change, int capacity) {
        return store.updateWithinCapacity(conversationId, change, capacity);
    }

    @Override
    public Mono<Integer> countWithAgent(String agentUsername) {
        return store.countWithAgent(agentUsername);
    }

    @Override
    public Mono<Appended> appendOnce(String conversationId, MessageDraft draft) {
        return store.appendOnce(conversationId, draft);
    }

    @Override
    public Mono<AppendedTo> appendAsVisitor(String conversationId, String visitorId, MessageDraft draft) {
        return store.appendAsVisitor(conversationId, visitorId, draft);
    }

    @Override
    public Mono<AppendedTo> updateAndAppend(String conversationId, UnaryOperator<Conversation> change, MessageDraft draft) {
        return store.updateAndAppend(conversationId, change, draft);
    }

    @Override
    public Flux<UnansweredMessage> claimUnanswered(Instant storedBefore, int limit) {
        return store.claimUnanswered(storedBefore, limit);
    }

    @Override
    public Mono<Void> forgetUnanswered(UnansweredMessage message) {
        return store.forgetUnanswered(message);
    }

    @Override
    public Flux<Message> transcript(String conversationId, long afterId) {
        return store.transcript(conversationId, afterId);
    }

    @Override
    public Flux<Conversation> ofVisitor(String visitorId) {
        return store.ofVisitor(visitorId);
    }

    @Override
    public Flux<Conversation> withAgent(String agentUsername) {
        return store.withAgent(agentUsername);
    }

    @Override
    public Mono<Integer> erase(String conversationId) {
        return store.erase(conversationId);
    }

    @Override
    public Flux<Conversation> withMessageMatching(Predicate<String> matches) {
        return store.withMessageMatching(matches);
    }

    @Override
    public Flux<QueueRepair> repairQueue() {
        return store.repairQueue();
    }
}
