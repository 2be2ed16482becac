package dev.baton.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a chat message into the tokens that training and classification both see, so that the many ways of typing
 * the same words meet in one form: "Perché" and "perche", "dov’è" and "dov'è", "كتاب" and "کتاب", "۱۲" and "12",
 * "می‌خواهم", "میخواهم" and "می خواهم".
 *
 * <p>Every language gets Unicode NFKC, lower case, no diacritics or Arabic harakat (people skip them when they
 * type fast, and no two of our intents differ by one), ASCII digits, and tokens that are runs of letters and digits:
 * anything else, apostrophes included, separates tokens, which splits Italian elisions ("l'ordine" → "l", "ordine").
 * Persian also joins the verbal prefixes and plural suffixes that are written attached, with a zero-width
 * non-joiner, or with a space, so that all three spellings give one token.
 *
 * <p>What varies from customer to customer without changing what they ask is made the same: an email address is
 * dropped, and a number of four digits or more (an order number, a phone number) becomes {@code 0000}, so that
 * "order 88412" meets the examples' "order 12345" and "mark.b@example.org" adds no words the examples never had.
 *
 * <p>Immutable and thread-safe.
 */
public final class TextNormalizer {

    private static final char ZERO_WIDTH_NON_JOINER = '\u200C';
    private static final char ZERO_WIDTH_JOINER = '\u200D';
    private static final char TATWEEL = '\u0640';

    /** Written as separate words, with a ZWNJ or attached, so they are always joined to their neighbour. */
    private static final Set<String> PERSIAN_PREFIXES = Set.of("می", "نمی");
    private static final Set<String> PERSIAN_SUFFIXES = Set.of("ها", "های", "هایی", "هایم", "هایت", "هایش", "ترین");

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final int MIN_NUMBER_DIGITS = 4;
    private static final String NUMBER = "0000";

    private static final TextNormalizer PERSIAN = new TextNormalizer(true);
    private static final TextNormalizer GENERAL = new TextNormalizer(false);

    private final boolean joinsPersianAffixes;

    private TextNormalizer(boolean joinsPersianAffixes) {
        this.joinsPersianAffixes = joinsPersianAffixes;
    }

    /** The normaliser for an ISO 639-1 language code; any language gets at least the general rules. */
    public static TextNormalizer forLanguage(String language) {
        return "fa".equals(language) ? PERSIAN : GENERAL;
    }

    /** The message's tokens, in order. */
    public List<String> tokens(String text) {
        String folded = fold(text.indexOf('@') >= 0 ? EMAIL.matcher(text).replaceAll(" ") : text);
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean inToken = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (inToken && start < 0) {
                start = i;
            } else if (!inToken && start >= 0) {
                tokens.add(isLongNumber(folded, start, i) ? NUMBER : folded.substring(start, i));
                start = -1;
            }
        }
        return joinsPersianAffixes ? joinPersianAffixes(tokens) : tokens;
    }

    /** The tokens joined by single spaces: handy to compare two spellings, or to show what the model saw. */
    public String normalize(String text) {
        return String.join(" ", tokens(text));
    }

    private static boolean isLongNumber(String text, int start, int end) {
        if (end - start < MIN_NUMBER_DIGITS) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String fold(String text) {
        if (isAscii(text)) {
            // Most messages: nothing to compose, decompose or map, and the three Unicode passes below cost
            // several times the rest of the normalisation.
            return text.toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(
                Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK || c == TATWEEL) {
                continue;
            }
            if (c == ZERO_WIDTH_NON_JOINER || c == ZERO_WIDTH_JOINER) {
                // Joining here rather than splitting: "می‌خواهم" is one word, as is its spelling without the ZWNJ.
                continue;
            }
            out.append(foldLetter(c));
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static char foldLetter(char c) {
        if (Character.isDigit(c)) {
            // Persian (۰-۹) and Arabic-Indic (٠-٩) digits, and any other decimal digit, read as ASCII.
            return (char) ('0' + Character.digit(c, 10));
        }
        return switch (c) {
            case 'ي', 'ى' -> 'ی';       // Arabic yeh and alef maksura: Arabic keyboards type them for Persian yeh
            case 'ك' -> 'ک';            // Arabic kaf for Persian keheh
            case 'ة', 'ە', 'ہ' -> 'ه';  // teh marbuta, and the heh that "ۀ" leaves once its hamza goes
            case 'ٱ' -> 'ا';            // alef wasla; hamza and madda forms are already plain alef once marks go
            default -> c;
        };
    }

    private static List<String> joinPersianAffixes(List<String> tokens) {
        List<String> joined = new ArrayList<>(tokens.size());
        String pendingPrefix = "";
        for (String token : tokens) {
            if (PERSIAN_PREFIXES.contains(token)) {
                pendingPrefix += token;
            } else if (PERSIAN_SUFFIXES.contains(token) && pendingPrefix.isEmpty() && !joined.isEmpty()) {
                joined.set(joined.size() - 1, joined.get(joined.size() - 1) + token);
            } else {
                joined.add(pendingPrefix + token);
                pendingPrefix = "";
            }
        }
        if (!pendingPrefix.isEmpty()) {
            joined.add(pendingPrefix);
        }
        return joined;
    }
}
