package dev.baton.privacy;

import reactor.core.publisher.Mono;

/**
 * Which privacy notice each conversation's visitor accepted, and when: in memory on one node, in Redis across many. A
 * consent is kept as long as a resolved conversation is (the conversations' retention, from the consent).
 */
public interface ConsentRecords {

    /** Keeps the consent, replacing an earlier one of the conversation (the visitor accepted a newer notice). */
    Mono<Consent> record(Consent consent);

    /** The conversation's consent; empty while its visitor has accepted none. */
    Mono<Consent> of(String conversationId);

    /** Forgets the conversation's consent (its erasure); emits whether there was one. */
    Mono<Boolean> forget(String conversationId);
}
