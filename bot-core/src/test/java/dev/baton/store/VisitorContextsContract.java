package dev.baton.store;

import dev.baton.conversation.VisitorContext;
import dev.baton.conversation.VisitorContexts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.Optional;


/** What every {@link VisitorContexts} does, specified once. */
public abstract class VisitorContextsContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** How long the stores under test keep a context. */
    protected static final Duration RETENTION = Duration.ofDays(30);

    protected final SettableClock clock = new SettableClock(Fixtures.T0);
    protected VisitorContexts contexts;
    protected VisitorContexts otherNode;

    protected abstract VisitorContexts newContexts();

    /** Another node's view of {@link #contexts}; the same object on a single node. */
    protected abstract VisitorContexts sameContextsOnAnotherNode();

    @BeforeEach
    void createContexts() {
        contexts = newContexts();
        otherNode = sameContextsOnAnotherNode();
    }

    @Test
    void keepsWhatTheBrowserToldForEveryNodeToRead() {
        VisitorContext told = context("https://shop.example/cart", "Europe/Rome");
        String conversationId = Fixtures.newId("c");

        StepVerifier.create(contexts.remember(conversationId, told)).verifyComplete();

        StepVerifier.create(otherNode.of(conversationId)).expectNext(told).verifyComplete();
    }

    @Test
    void keepsTheLatestHelloInPlaceOfAnEarlierOne() {
        String conversationId = Fixtures.newId("c");
        contexts.remember(conversationId, context("https://shop.example/", "Europe/Rome")).block(TIMEOUT);
        VisitorContext later = new VisitorContext(Optional.of("https://shop.example/returns"), Optional.of("https://shop.example/"),
                Optional.empty(), Optional.empty());

        otherNode.remember(conversationId, later).block(TIMEOUT);

        StepVerifier.create(contexts.of(conversationId)).expectNext(later).verifyComplete();
    }

    @Test
    void forgetsAConversationsContextForEveryNode() {
        String conversationId = Fixtures.newId("c");
        contexts.remember(conversationId, context("https://shop.example/", "Europe/Rome")).block(TIMEOUT);

        StepVerifier.create(otherNode.forget(conversationId)).expectNext(true).verifyComplete();

        StepVerifier.create(contexts.of(conversationId)).verifyComplete();
        StepVerifier.create(contexts.forget(conversationId)).expectNext(false).verifyComplete();
    }

    @Test
    void knowsNothingOfAConversationWhoseBrowserToldNothing() {
        StepVerifier.create(contexts.of(Fixtures.newId("c"))).verifyComplete();
    }

    private static VisitorContext context(String page, String timeZone) {
        return new VisitorContext(Optional.of(page), Optional.of("https://search.example/"),
                Optional.of("Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36"), Optional.of(timeZone));
    }
}
