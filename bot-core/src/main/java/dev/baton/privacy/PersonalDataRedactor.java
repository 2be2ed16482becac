package dev.baton.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides personal data in text shown to people who need only its shape. Card numbers are never stored at all
 * ({@link #redactCards}); emails, phone numbers and IBANs are hidden in summaries, logs and the trainers' inbox
 * ({@link #redactAll}) but kept in the transcript, where the agent may need them to help.
 *
 * <p>Numbers count in any script's digits, not only ASCII's: a Persian visitor writes a phone number as
 * ۰۹۱۲ ۳۴۵ ۶۷۸۹ and an Arabic one as ٠٩١٢٣٤٥٦٧٨٩, and both are as personal as 0912 345 6789.
 */
public final class PersonalDataRedactor {

    static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    // 13 to 19 digits, optionally grouped by spaces or dashes: every card scheme's length.
    static final Pattern CARD = Pattern.compile("(?<![\\d])\\d(?:[ -]?\\d){12,18}(?![\\d])", Pattern.UNICODE_CHARACTER_CLASS);
    // A phone number starts with + or 0, or is grouped; 9 to 15 digits (E.164) keeps order numbers out.
    static final Pattern PHONE = Pattern.compile("(?<![\\w+])(?:\\+|00)?\\d[\\d .()/-]{7,20}\\d(?![\\w])",
            Pattern.UNICODE_CHARACTER_CLASS);
    // Where an IBAN may start: a country code and two check digits (ISO 13616); see ibanAt for where it ends.
    static final Pattern IBAN_START = Pattern.compile("(?<![\\p{L}\\p{Nd}])[A-Z]{2}[0-9]{2}", Pattern.CASE_INSENSITIVE);

    /** Replaces every Luhn-valid card number by its last four digits. */
    public String redactCards(String text) {
        return replace(CARD, text, PersonalDataRedactor::maskCardOrKeep);
    }

    /** Redacts cards, emails, IBANs and phone numbers: for summaries, logs and anything outside the transcript. */
    public String redactAll(String text) {
        String withoutCards = redactCards(text);
        String withoutEmails = replace(EMAIL, withoutCards, PersonalDataRedactor::maskEmail);
        String withoutIbans = redactIbans(withoutEmails);
        return replace(PHONE, withoutIbans, PersonalDataRedactor::maskPhoneOrKeep);
    }

    /** Whether {@code candidate} is an IBAN: its check digits hold (ISO 7064 mod 97-10). */
    static boolean isIban(String candidate) {
        String compact = candidate.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (compact.length() < 15 || compact.length() > 34) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            int value = Character.digit(rearranged.charAt(i), 36);
            if (value < 0) {
                return false;
            }
            remainder = (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97;
        }
        return remainder == 1;
    }

    /** The country code and the last four characters: enough for an agent to tell two accounts apart. */
    static String maskIban(String iban) {
        String compact = iban.replace(" ", "");
        return compact.substring(0, 2).toUpperCase(java.util.Locale.ROOT) + "** **** " + compact.substring(compact.length() - 4);
    }

    static String maskEmail(String email) {
        int at = email.indexOf('@');
        return email.charAt(0) + "***" + email.substring(at);
    }

    static boolean isPhone(String candidate) {
        long digits = candidate.chars().filter(Character::isDigit).count();
        boolean looksDialled = candidate.startsWith("+") || Character.digit(candidate.charAt(0), 10) == 0
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
        String digits = digitsOf(candidate);
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(digits.length() - 1 - i), 10);
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
        String digits = digitsOf(candidate);
        return "**** **** **** " + digits.substring(digits.length() - 4);
    }

    /** The digits of {@code text}, in whatever script they were written. */
    private static String digitsOf(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        text.codePoints().filter(Character::isDigit).forEach(digits::appendCodePoint);
        return digits.toString();
    }

    private static String redactIbans(String text) {
        Matcher start = IBAN_START.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (start.find(copied)) {
            int end = ibanEnd(text, start.start());
            out.append(text, copied, end < 0 ? start.end() : start.start());
            if (end >= 0) {
                out.append(maskIban(text.substring(start.start(), end)));
            }
            copied = end < 0 ? start.end() : end;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /**
     * Where the IBAN starting at {@code from} ends: the longest run of letters and digits (single spaces between
     * them allowed) that passes the check. Why not a regular expression: one greedy enough for every country's length
     * also swallows the words after it ("…7654 32 please"), and the check then fails on the whole.
     */
    private static int ibanEnd(String text, int from) {
        int best = -1;
        int characters = 0;
        for (int i = from; i < text.length() && characters < 34; i++) {
            char c = text.charAt(i);
            if (c == ' ' && i + 1 < text.length() && text.charAt(i + 1) != ' ') {
                continue;
            }
            if (c > 127 || !Character.isLetterOrDigit(c)) {
                break;
            }
            characters++;
            boolean wordEnds = i + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(i + 1));
            if (characters >= 15 && wordEnds && isIban(text.substring(from, i + 1))) {
                best = i + 1;
            }
        }
        return best;
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
