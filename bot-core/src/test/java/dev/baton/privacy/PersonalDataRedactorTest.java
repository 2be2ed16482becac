package dev.baton.privacy;

import dev.baton.conversation.CustomerDetail;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataRedactorTest {

    private final PersonalDataRedactor redactor = new PersonalDataRedactor();
    private final CustomerDetailExtractor extractor = new CustomerDetailExtractor(redactor);

    @Test
    void hidesEmailsPhonesAndCardsButKeepsOrderNumbers() {
        String text = "I'm mario.rossi@example.com, call +39 333 123 4567, card 4111 1111 1111 1111, order 48213";

        assertThat(redactor.redactAll(text)).isEqualTo(
                "I'm m***@example.com, call +** *** *** **67, card **** **** **** 1111, order 48213");
    }

    @Test
    void neverKeepsACardNumberInTheTranscriptButKeepsContactDetails() {
        assertThat(redactor.redactCards("pay with 5555-5555-5555-4444 or mail me at a@b.it"))
                .isEqualTo("pay with **** **** **** 4444 or mail me at a@b.it");
    }

    @Test
    void leavesDigitRunsThatAreNotCardsAlone() {
        assertThat(redactor.redactCards("tracking 1234567890123")).isEqualTo("tracking 1234567890123");
    }

    @Test
    void extractsTheDetailsACustomerGaveRedactedAndOnce() {
        List<CustomerDetail> details = extractor.extract(List.of(
                "my order #48213 has not arrived", "email: giulia@example.org", "ordine n. 48213", "tel 02 1234 5678"));

        assertThat(details).containsExactly(
                new CustomerDetail("order_number", "48213"),
                new CustomerDetail("email", "g***@example.org"),
                new CustomerDetail("phone", "** **** **78"));
    }
}
