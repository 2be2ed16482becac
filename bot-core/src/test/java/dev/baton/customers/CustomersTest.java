package dev.baton.customers;

import dev.baton.audit.Actor;
import dev.baton.audit.AuditEntry;
import dev.baton.audit.AuditQuery;
import dev.baton.audit.AuditTrail;
import dev.baton.conversation.Conversation;
import dev.baton.engine.UnknownConversationException;
import dev.baton.store.SettableClock;
import dev.baton.store.memory.InMemoryAuditLog;
import dev.baton.store.memory.InMemoryConversationStore;
import dev.baton.store.memory.InMemoryCustomerLinks;
import dev.baton.store.memory.InProcessConversationEvents;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static dev.baton.store.Fixtures.T0;
import static dev.baton.store.Fixtures.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One customer across channels: links a channel vouches for, links agents make and undo, and the history they give. */
class CustomersTest {

    private static final Actor BRUNO = new Actor("bruno", "192.0.2.7");
    private static final String ON_WHATSAPP = "whatsapp:393331234567";
    private static final String ON_THE_WIDGET = "v-widget-0001";
    private static final String ON_THE_APP = "app:anna";

    private final SettableClock clock = new SettableClock(T0);
    private final InMemoryConversationStore conversations = new InMemoryConversationStore(clock, new InProcessConversationEvents());
    private final InMemoryAuditLog audit = new InMemoryAuditLog(100);
    private final Customers customers = new Customers(new InMemoryCustomerLinks(clock, Duration.ofDays(30)), conversations,
            new AuditTrail(audit, clock));

    private Conversation started(String visitorId, int minutes) {
        return conversations.create(conversation(visitorId, T0.plus(Duration.ofMinutes(minutes)))).block();
    }

    @Test
    void visitorsAChannelVerifiedWithTheSameContactShareOneHistoryOldestFirstAcrossChannels() {
        Conversation whatsApp = started(ON_WHATSAPP, 0);
        Conversation app = started(ON_THE_APP, 5);
        Conversation now = started(ON_WHATSAPP, 10);
        customers.verified(ON_WHATSAPP, Contact.phone("+39 333 1234567")).block();
        customers.verified(ON_THE_APP, Contact.phone("333-1234567")).block();

        assertThat(customers.history(now).map(Conversation::id).collectList().block()).containsExactly(whatsApp.id(), app.id());
        assertThat(customers.history(app).map(Conversation::id).collectList().block())
                .as("an old conversation lists only what came before it").containsExactly(whatsApp.id());
    }

    @Test
    void aVisitorLinkedToNobodyHasTheirOwnHistoryOnly() {
        Conversation earlier = started(ON_THE_WIDGET, 0);
        started(ON_WHATSAPP, 1);
        Conversation now = started(ON_THE_WIDGET, 2);

        assertThat(customers.history(now).map(Conversation::id).collectList().block()).containsExactly(earlier.id());
        StepVerifier.create(customers.of(ON_THE_WIDGET)).verifyComplete();
    }

    @Test
    void anAgentLinksByPhoneAndTheAuditLogNamesTheCustomerButNotTheNumber() {
        started(ON_WHATSAPP, 0);
        customers.verified(ON_WHATSAPP, Contact.phone("+39 333 1234567")).block();
        Conversation onTheWidget = started(ON_THE_WIDGET, 1);

        Customer customer = customers.link(onTheWidget.id(), LinkTarget.of("phone", "+39 333 123 4567"), BRUNO).block();

        assertThat(customer.visitorIds()).containsExactly(ON_THE_WIDGET, ON_WHATSAPP);
        assertThat(customer.contacts()).isEqualTo(1);
        AuditEntry entry = audit.find(AuditQuery.latest(1)).blockFirst();
        assertThat(entry.action()).isEqualTo("customer_linked");
        assertThat(entry.subject()).isEqualTo(onTheWidget.id());
        assertThat(entry.detail()).isEqualTo("its visitor is customer " + customer.id() + ", found by phone").doesNotContain("1234567");
    }

    @Test
    void anAgentLinksByAnotherVisitorsIdAndUnlinksItAgain() {
        started(ON_THE_APP, 0);
        Conversation onTheWidget = started(ON_THE_WIDGET, 1);

        customers.link(onTheWidget.id(), LinkTarget.of("visitor", ON_THE_APP), BRUNO).block();
        assertThat(customers.visitorsLinkedTo(ON_THE_WIDGET).collectList().block()).containsExactly(ON_THE_WIDGET, ON_THE_APP);

        StepVerifier.create(customers.unlink(onTheWidget.id(), ON_THE_APP, BRUNO)).as("a customer of one visitor is dissolved")
                .verifyComplete();
        assertThat(customers.visitorsLinkedTo(ON_THE_WIDGET).collectList().block()).containsExactly(ON_THE_WIDGET);
        assertThat(audit.find(AuditQuery.latest(1)).blockFirst().action()).isEqualTo("customer_unlinked");
    }

    @Test
    void linksThatCannotBeMadeAreRefusedSayingWhy() {
        Conversation onTheWidget = started(ON_THE_WIDGET, 1);

        assertThatThrownBy(() -> customers.link(onTheWidget.id(), LinkTarget.of("visitor", ON_THE_WIDGET), BRUNO).block())
                .isInstanceOf(LinkRefusedException.class).hasMessage("that is this conversation's own visitor");
        assertThatThrownBy(() -> customers.link(onTheWidget.id(), LinkTarget.of("visitor", "v-never-wrote"), BRUNO).block())
                .isInstanceOf(LinkRefusedException.class).hasMessageContaining("no conversation of a visitor \"v-never-wrote\"");
        assertThatThrownBy(() -> customers.unlink(onTheWidget.id(), ON_WHATSAPP, BRUNO).block())
                .isInstanceOf(LinkRefusedException.class).hasMessage("that visitor is not linked with this conversation's");
        assertThatThrownBy(() -> customers.link("c-gone", LinkTarget.of("email", "anna@example.com"), BRUNO).block())
                .isInstanceOf(UnknownConversationException.class);
        for (List<String> bad : List.of(List.of("fax", "0341 123"), List.of("email", "anna at example"), List.of("phone", "12"),
                List.of("visitor", "a/b"))) {
            assertThatThrownBy(() -> LinkTarget.of(bad.get(0), bad.get(1))).as(bad.toString()).isInstanceOf(LinkRefusedException.class);
        }
        assertThat(audit.find(AuditQuery.latest(10)).collectList().block()).as("nothing refused is audited").isEmpty();
    }
}
