package dev.baton.customers;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * An email address or phone number an administrator looks a visitor up by, and how it is recognised in what visitors
 * wrote: an email whatever its case; a phone number by its last nine digits in a row (spaces, dots, dashes, slashes and
 * brackets between them ignored, digits of any script read alike), so {@code +39 333 123 4567} finds {@code 333-1234567}.
 */
public record Contact(Kind kind, String value) {

    public enum Kind { EMAIL, PHONE }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int PHONE_DIGITS_COMPARED = 9;
    private static final int PHONE_DIGITS_AT_LEAST = 6;

    public Contact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /** An email address; refused unless it looks like one. */
    public static Contact email(String email) {
        String trimmed = email.strip();
        if (!EMAIL.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("not an email address: " + trimmed);
        }
        return new Contact(Kind.EMAIL, trimmed.toLowerCase(Locale.ROOT));
    }

    /** A phone number; refused with fewer than six digits or with anything but digits, spaces and + ( ) . - / in it. */
    public static Contact phone(String phone) {
        String trimmed = phone.strip();
        if (!trimmed.chars().allMatch(c -> Character.isDigit(c) || " +()./-".indexOf(c) >= 0)
                || digits(trimmed).length() < PHONE_DIGITS_AT_LEAST) {
            throw new IllegalArgumentException("not a phone number: " + trimmed);
        }
        String digits = digits(trimmed);
        return new Contact(Kind.PHONE, digits.substring(Math.max(0, digits.length() - PHONE_DIGITS_COMPARED)));
    }

    /** Whether {@code text} mentions this contact. */
    public boolean isIn(String text) {
        return switch (kind) {
            case EMAIL -> text.toLowerCase(Locale.ROOT).contains(value);
            case PHONE -> digitRuns(text).contains(value);
        };
    }

    public Predicate<String> mentions() {
        return this::isIn;
    }

    private static String digits(String text) {
        StringBuilder digits = new StringBuilder();
        text.codePoints().filter(Character::isDigit).forEach(c -> digits.append(Character.digit(c, 10)));
        return digits.toString();
    }

    /** The text's digits with separators inside numbers dropped and every other character a space: "333 12-34" → "3331234". */
    private static String digitRuns(String text) {
        StringBuilder runs = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isDigit(c)) {
                runs.append(Character.digit(c, 10));
            } else if (" ()./-".indexOf(c) < 0 && c != '\u00a0') {
                runs.append(' ');
            }
        });
        return runs.toString();
    }
}
