package dev.baton.rights;

import dev.baton.engine.Stores;
import dev.baton.store.VisitorDataRightsContract;
import dev.baton.store.memory.InMemoryAnswerRatings;
import dev.baton.store.memory.InMemoryAuditLog;
import dev.baton.store.memory.InMemoryConsentRecords;
import dev.baton.store.memory.InMemoryCustomerLinks;
import dev.baton.store.memory.InMemoryVisitorContexts;
import dev.baton.store.memory.InMemoryConversationStore;
import dev.baton.store.memory.InMemoryLeftMessages;
import dev.baton.store.memory.InMemoryPresence;
import dev.baton.store.memory.InMemoryRateLimiter;
import dev.baton.store.memory.InMemorySatisfactionRatings;
import dev.baton.store.memory.InMemoryTrainerInbox;
import dev.baton.store.memory.InProcessConversationEvents;
import dev.baton.inbox.TrainerInbox;

/** Access and erasure on the in-memory stores of one node. */
class InMemoryVisitorDataRightsTest extends VisitorDataRightsContract {

    @Override
    protected Installation newInstallation() {
        InProcessConversationEvents events = new InProcessConversationEvents();
        InMemoryConversationStore conversations = new InMemoryConversationStore(clock, events);
        Stores stores = new Stores(conversations, conversations.queue(), new InMemoryPresence(clock),
                new InMemoryLeftMessages(clock, RETENTION), events, new InMemoryPresence(clock));
        return new Installation(stores, new InMemoryTrainerInbox(clock, TrainerInbox.Limits.DEFAULTS),
                new InMemorySatisfactionRatings(clock, RETENTION), new InMemoryAnswerRatings(clock, RETENTION),
                new InMemoryConsentRecords(clock, RETENTION, 1_000), new InMemoryAuditLog(100), new InMemoryRateLimiter(clock, 1_000),
                new InMemoryVisitorContexts(clock, RETENTION, 1_000), new InMemoryCustomerLinks(clock, RETENTION));
    }
}
