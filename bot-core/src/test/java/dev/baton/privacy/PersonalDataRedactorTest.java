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

    @Test
    void extractsTheParcelNumbersACarrierGaveApartFromOrders() {
        List<CustomerDetail> details = extractor.extract(List.of(
                "my parcel 48213 has not arrived", "tracking number: AB123456789IT", "il pacco n. 77120 è fermo",
                "siuntos nr. LT-55123", "کد رهگیری ۱۲۳۴۵۶", "order 9921, parcel 9921-B"));

        assertThat(details).containsExactly(
                new CustomerDetail("tracking_number", "48213"),
                new CustomerDetail("tracking_number", "AB123456789IT"),
                new CustomerDetail("tracking_number", "77120"),
                new CustomerDetail("tracking_number", "LT-55123"),
                new CustomerDetail("tracking_number", "۱۲۳۴۵۶"),
                new CustomerDetail("order_number", "9921"),
                new CustomerDetail("tracking_number", "9921-B"));
    }

    @Test
    void aShippingCostOrAPhoneNumberIsNoParcelNumber() {
        assertThat(extractor.extract(List.of("how much is shipping for a package of 2 kg", "tracking 333 123 4567")))
                .noneMatch(detail -> detail.kind().equals("tracking_number"));
    }
}
