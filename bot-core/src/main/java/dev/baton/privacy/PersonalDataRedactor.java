package dev.baton.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides personal data in text shown to people who need only its shape. Card numbers are never stored at all
 * ({@link #redactCards}); emails and phone numbers are hidden in summaries and logs ({@link #redactAll}) but
 * kept in the transcript, where the agent may need them to help.
 */
public final class PersonalDataRedactor {

    static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    // 13 to 19 digits, optionally grouped by spaces or dashes: every card scheme's length.
    static final Pattern CARD = Pattern.compile("(?<![\\d])\\d(?:[ -]?\\d){12,18}(?![\\d])");
    // A phone number starts with + or 0, or is grouped; 9 to 15 digits (E.164) keeps order numbers out.
    static final Pattern PHONE = Pattern.compile("(?<![\\w+])(?:\\+|00)?\\d[\\d .()/-]{7,20}\\d(?![\\w])");

    /** Replaces every Luhn-valid card number by its last four digits. */
    public String redactCards(String text) {
        return replace(CARD, text, PersonalDataRedactor::maskCardOrKeep);
    }

    /** Redacts cards, emails and phone numbers: for summaries, logs and anything outside the transcript. */
    public String redactAll(String text) {
        String withoutCards = redactCards(text);
        String withoutEmails = replace(EMAIL, withoutCards, PersonalDataRedactor::maskEmail);
        return replace(PHONE, withoutEmails, PersonalDataRedactor::maskPhoneOrKeep);
    }

    static String maskEmail(String email) {
        int at = email.indexOf('@');
        return email.charAt(0) + "***" + email.substring(at);
    }

    static boolean isPhone(String candidate) {
        long digits = candidate.chars().filter(Character::isDigit).count();
        boolean looksDialled = candidate.startsWith("+") || candidate.startsWith("0")
                || candidate.chars().anyMatch(c -> c == ' ' || c == '-' || c == '(' || c == '/' || c == '.');
        return digits >= 9 && digits <= 15 && looksDialled;
    }

    static String maskPhone(String phone) {
        StringBuilder masked = new StringBuilder(phone.length());
        int digitsSeen = 0;
        long totalDigits = phone.chars().filter(Character::isDigit).count();
        for (char c : phone.toCharArray()) {
            if (Character.isDigit(c)) {
                digitsSeen++;
                masked.append(digitsSeen > totalDigits - 2 ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    static boolean isCardNumber(String candidate) {
        String digits = candidate.replaceAll("\\D", "");
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static String maskCardOrKeep(String candidate) {
        if (!isCardNumber(candidate)) {
            return candidate;
        }
        String digits = candidate.replaceAll("\\D", "");
        return "**** **** **** " + digits.substring(digits.length() - 4);
    }

    private static String maskPhoneOrKeep(String candidate) {
        return isPhone(candidate) ? maskPhone(candidate) : candidate;
    }

    private static String replace(Pattern pattern, String text, java.util.function.UnaryOperator<String> mask) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(mask.apply(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
