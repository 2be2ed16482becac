package dev.baton.nlu;

import java.util.List;

/**
 * The word a spoken-Persian form is made of, without the pronoun and object endings that speech attaches to it:
 * "سفارشم" (my order) → "سفارش", "پولشو" (its money, as object) → "پول", "سفارشامونو" stays long enough to keep
 * its meaning. Why: the examples say "سفارش من" where visitors write "سفارشم", and the model saw a different word.
 * Only Arabic-script words change, so no other language's features move. Stateless.
 */
final class PersianClitics {

    /** Longest first; the one-letter endings need a longer word, so that "کارت" (card) stays a card. */
    private static final List<String> ENDINGS = List.of("هاشونو", "هامونو", "هاتونو", "هاشون", "هامون", "هاتون",
            "شونو", "مونو", "تونو", "هامو", "هاتو", "هاشو", "شون", "مون", "تون", "های", "ها", "مو", "تو", "شو", "رو",
            "م", "ت", "ش");
    private static final int MIN_STEM = 3;
    private static final int MIN_STEM_AFTER_ONE_LETTER = 4;

    private PersianClitics() {
    }

    /** The word without its ending, or the word itself when it has none or is not Persian. */
    static String stem(String word) {
        if (word.isEmpty() || Character.UnicodeBlock.of(word.charAt(0)) != Character.UnicodeBlock.ARABIC) {
            return word;
        }
        for (String ending : ENDINGS) {
            int stem = word.length() - ending.length();
            if (word.endsWith(ending) && stem >= (ending.length() == 1 ? MIN_STEM_AFTER_ONE_LETTER : MIN_STEM)) {
                return word.substring(0, stem);
            }
        }
        return word;
    }
}
