package dev.baton.privacy;

import dev.baton.conversation.CustomerDetail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the facts a customer already gave (order and tracking numbers, emails, phone and card numbers) so that the agent
 * sees them in the summary; personal data comes out redacted.
 */
public final class CustomerDetailExtractor {

    // "order 48213", "order #48213", "ordine n. 48213", "užsakymo nr. 48213", "سفارش ۴۸۲۱۳", or a bare "#48213".
    private static final Pattern ORDER_NUMBER = Pattern.compile(
            "(?iu)(?:(?:order|ordine|ordinazione|užsakym\\p{L}*|uzsakym\\p{L}*|سفارش)\\s*(?:number|no\\.?|nr\\.?|n\\.|numero|num\\.?|#)?\\s*:?\\s*#?"
                    + "|#)([\\p{Nd}A-Za-z-]*\\p{Nd}[\\p{Nd}A-Za-z-]{2,15})");

    // "parcel 48213", "tracking number: AB123456789IT", "pacco 48213", "numero di tracciamento …", "siuntos nr. …",
    // "کد رهگیری ۴۸۲۱۳": what a carrier gave the customer, which the agent looks up elsewhere than an order.
    private static final Pattern TRACKING_NUMBER = Pattern.compile(
            "(?iu)(?:tracking|parcel|package|shipment|consignment|pacco|collo|tracciamento|siunt\\p{L}*|sekimo|"
                    + "کد\\s*رهگیری|رهگیری|مرسوله)"
                    + "\\s*(?:number|no\\.?|nr\\.?|n\\.|numeris|numero|num\\.?|code|id|#)?\\s*:?\\s*#?"
                    // Not the first group of a spaced-out number: a phone number is no parcel's.
                    + "([\\p{Nd}A-Za-z-]*\\p{Nd}[\\p{Nd}A-Za-z-]{2,30})(?![\\p{Nd}A-Za-z-]|[\\s.]\\p{Nd})");

    private final PersonalDataRedactor redactor;

    public CustomerDetailExtractor(PersonalDataRedactor redactor) {
        this.redactor = redactor;
    }

    /** The details in all of {@code texts}, each once, in the order they were first given. */
    public List<CustomerDetail> extract(List<String> texts) {
        Set<CustomerDetail> found = new LinkedHashSet<>();
        for (String text : texts) {
            collect(PersonalDataRedactor.EMAIL, text, "email", found);
            collect(PersonalDataRedactor.CARD, text, "card", found);
            collect(PersonalDataRedactor.PHONE, text, "phone", found);
            collectNumbers(ORDER_NUMBER, text, "order_number", found);
            collectNumbers(TRACKING_NUMBER, text, "tracking_number", found);
        }
        return new ArrayList<>(found);
    }

    /** Numbers named by the word before them, unless they are personal data (a phone or card number). */
    private static void collectNumbers(Pattern pattern, String text, String kind, Set<CustomerDetail> found) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            String number = matcher.group(1);
            if (!PersonalDataRedactor.isPhone(number) && !PersonalDataRedactor.isCardNumber(number)) {
                found.add(new CustomerDetail(kind, number));
            }
        }
    }

    private void collect(Pattern pattern, String text, String kind, Set<CustomerDetail> found) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            String value = matcher.group();
            boolean isKind = switch (kind) {
                case "card" -> PersonalDataRedactor.isCardNumber(value);
                case "phone" -> PersonalDataRedactor.isPhone(value) && !PersonalDataRedactor.isCardNumber(value);
                default -> true;
            };
            if (isKind) {
                found.add(new CustomerDetail(kind, redactor.redactAll(value)));
            }
        }
    }
}
