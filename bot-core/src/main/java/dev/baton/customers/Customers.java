package dev.baton.customers;

import dev.baton.audit.Actor;
import dev.baton.audit.AuditTrail;
import dev.baton.audit.StaffAction;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.EarlierConversations;
import dev.baton.engine.RandomIds;
import dev.baton.engine.UnknownConversationException;
import dev.baton.customers.Contact;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.Locale;

/**
 * One customer across channels: the visitors a channel proved to share an email address or phone number (WhatsApp
 * vouches for the number a customer writes from; a company's app for the addresses it signs), and those an agent
 * linked by hand, have one history that agents see.
 *
 * <p>Members are named in the {@link CustomerLinks} store by their visitor id, or for a contact
 * {@code email/<address>} or {@code phone/<last nine digits>} (as {@link Contact} reads them): no visitor id has a
 * slash, so the two never meet. An email a visitor merely typed in a chat is never a link: only a channel that
 * proves it, or an agent who takes responsibility for it (recorded in the audit log), makes one.
 */
public final class Customers {

    private final CustomerLinks links;
    private final ConversationStore conversations;
    private final AuditTrail audit;

    public Customers(CustomerLinks links, ConversationStore conversations, AuditTrail audit) {
        this.links = links;
        this.conversations = conversations;
        this.audit = audit;
    }

    /** How the link store names a contact. */
    static String member(Contact contact) {
        return contact.kind().name().toLowerCase(Locale.ROOT) + "/" + contact.value();
    }

    private static boolean isVisitor(String member) {
        return member.indexOf('/') < 0;
    }

    /**
     * The visitor's channel proved that {@code contact} is theirs: they become one customer with every other visitor
     * proved (or linked) to have it. Confirming a link again keeps it the full retention again.
     */
    public Mono<Void> verified(String visitorId, Contact contact) {
        return Mono.defer(() -> links.link(visitorId, member(contact), newCustomerId())).then();
    }

    /** The customer the visitor is linked as; empty while they are linked to nobody. */
    public Mono<Customer> of(String visitorId) {
        return links.customerOf(visitorId).flatMap(this::customer);
    }

    /** The visitor and every visitor linked with them as one customer, the visitor first. */
    public Flux<String> visitorsLinkedTo(String visitorId) {
        return Flux.concat(Mono.just(visitorId), links.customerOf(visitorId)
                .flatMapMany(links::membersOf)
                .filter(member -> isVisitor(member) && !member.equals(visitorId))
                .sort());
    }

    /** The visitors linked to {@code contact} (verified by a channel, or given by an agent), in no particular order. */
    public Flux<String> linkedTo(Contact contact) {
        return links.customerOf(member(contact)).flatMapMany(links::membersOf).filter(Customers::isVisitor);
    }

    /**
     * The customer's conversations that started before this one, on every channel they are linked on, oldest first:
     * their history with us as it was when this conversation began (so an old conversation, opened from that history,
     * lists only what came before it).
     */
    public Flux<Conversation> history(Conversation conversation) {
        return visitorsLinkedTo(conversation.visitorId())
                .concatMap(conversations::ofVisitor)
                .filter(EarlierConversations.startedBefore(conversation))
                .sort(Comparator.comparing(Conversation::startedAt).thenComparing(Conversation::id));
    }

    /**
     * An agent says the conversation's visitor is the customer {@code target} names: their customers become one
     * (recorded in the audit log with the customer's id and how it was found, never the address or number). Refused
     * with {@link LinkRefusedException} for the visitor themselves or a visitor with no conversation.
     */
    public Mono<Customer> link(String conversationId, LinkTarget target, Actor agent) {
        return conversation(conversationId).flatMap(conversation -> {
            String visitorId = conversation.visitorId();
            Mono<Void> targetKnown = target.kind() != LinkTarget.Kind.VISITOR ? Mono.empty()
                    : target.value().equals(visitorId) ? Mono.error(new LinkRefusedException("that is this conversation's own visitor"))
                    : conversations.ofVisitor(target.value()).hasElements().flatMap(known -> known ? Mono.<Void>empty()
                    : Mono.error(new LinkRefusedException("no conversation of a visitor \"" + target.value() + "\" is kept")));
            return targetKnown
                    .then(Mono.defer(() -> links.link(visitorId, target.member(), newCustomerId())))
                    .flatMap(customerId -> audit.record(agent, StaffAction.CUSTOMER_LINKED, conversationId,
                                    "its visitor is customer " + customerId + ", found " + target.how())
                            .then(customer(customerId)));
        });
    }

    /**
     * An agent says {@code visitorId} is not the customer of the conversation's visitor after all: it leaves the
     * customer (audited). Emits the customer as it is now; empty when the conversation's visitor is linked to nobody
     * any more. Refused with {@link LinkRefusedException} for a visitor not linked with the conversation's.
     */
    public Mono<Customer> unlink(String conversationId, String visitorId, Actor agent) {
        return conversation(conversationId).flatMap(conversation -> visitorsLinkedTo(conversation.visitorId())
                .skip(1).any(visitorId::equals)
                .flatMap(linked -> linked || visitorId.equals(conversation.visitorId()) ? links.customerOf(visitorId)
                        : Mono.error(new LinkRefusedException("that visitor is not linked with this conversation's")))
                .flatMap(customerId -> links.unlink(visitorId)
                        .then(audit.record(agent, StaffAction.CUSTOMER_UNLINKED, conversationId,
                                "a visitor left customer " + customerId)))
                .then(of(conversation.visitorId())));
    }

    /**
     * Forgets the customer the visitor is linked as, and every link to it: what an erasure of the customer does.
     * Emits how many members it had, 0 for a visitor linked to nobody.
     */
    public Mono<Integer> forgetCustomerOf(String visitorId) {
        return links.customerOf(visitorId).flatMap(links::forget).defaultIfEmpty(0);
    }

    /** Takes only this visitor out of their customer (a visitor's own erasure); emits whether they were linked. */
    public Mono<Boolean> forgetVisitor(String visitorId) {
        return links.unlink(visitorId);
    }

    private Mono<Customer> customer(String customerId) {
        return links.membersOf(customerId).collectList()
                .filter(members -> !members.isEmpty())
                .map(members -> new Customer(customerId,
                        members.stream().filter(Customers::isVisitor).sorted().toList(),
                        (int) members.stream().filter(m -> !isVisitor(m)).count()));
    }

    private Mono<Conversation> conversation(String conversationId) {
        return conversations.find(conversationId).switchIfEmpty(Mono.error(() -> new UnknownConversationException(conversationId)));
    }

    private static String newCustomerId() {
        return RandomIds.next("cu-");
    }
}
