package dev.baton.privacy;

import dev.baton.conversation.CustomerDetail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the facts a customer already gave (order numbers, emails, phone and card numbers) so that the agent
 * sees them in the summary; personal data comes out redacted.
 */
public final class CustomerDetailExtractor {

    // "order 48213", "order #48213", "ordine n. 48213", "užsakymo nr. 48213", "سفارش ۴۸۲۱۳", or a bare "#48213".
    private static final Pattern ORDER_NUMBER = Pattern.compile(
            "(?iu)(?:(?:order|ordine|ordinazione|užsakym\\p{L}*|uzsakym\\p{L}*|سفارش)\\s*(?:number|no\\.?|nr\\.?|n\\.|numero|num\\.?|#)?\\s*:?\\s*#?"
                    + "|#)([\\p{Nd}A-Za-z-]*\\p{Nd}[\\p{Nd}A-Za-z-]{2,15})");

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
            Matcher order = ORDER_NUMBER.matcher(text);
            while (order.find()) {
                String number = order.group(1);
                if (!PersonalDataRedactor.isPhone(number) && !PersonalDataRedactor.isCardNumber(number)) {
                    found.add(new CustomerDetail("order_number", number));
                }
            }
        }
        return new ArrayList<>(found);
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
