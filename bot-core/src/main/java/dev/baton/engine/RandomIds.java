package dev.baton.engine;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids for conversations, left messages and drafts. They must be unique, not secret — owning a conversation is
 * proven by the visitor id, not by knowing the conversation id — so a thread-local generator is enough,
 * and unlike {@link UUID#randomUUID()} it never reads the OS entropy source on an event-loop thread.
 */
public final class RandomIds {

    private RandomIds() {
    }

    public static String next(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return prefix + new UUID(random.nextLong(), random.nextLong());
    }
}
