package dev.baton.dialogue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Recognises "I want to talk to a person" in every supported language, whatever the classifier thinks: a
 * visitor who asks for a human must get one at once, so this never depends on a confidence threshold.
 * Works on normalised text (lower case, no diacritics, Persian letters unified, no zero-width non-joiner).
 */
public final class HumanRequestDetector {

    private static final Map<String, List<Pattern>> PATTERNS = Map.of(
            "en", List.of(
                    Pattern.compile("\\b(talk|speak|chat|connect|transfer|put)( me)? (to|with|through to) (a |an |some |real |live |the )*(person|human|agent|operator|someone|somebody|representative|rep|staff|people|customer service)\\b"),
                    Pattern.compile("\\b(real|live|actual) (person|human|agent|people)\\b"),
                    Pattern.compile("^(human|agent|operator|representative|a person|person|a human)( please| pls| now)?[.!]*$"),
                    Pattern.compile("\\b(i want|i need|give me|get me|can i have|can i get)( to have)? (a |an )?(human|person|agent|operator|representative)\\b")),
            "it", List.of(
                    Pattern.compile("\\b(parlare|parlo|chattare|passami|passarmi|mettimi in contatto|voglio|vorrei|contattare)\\b.*\\b(operatore|operatrice|persona|umano|essere umano|assistente|qualcuno|consulente)\\b"),
                    Pattern.compile("^(un |una )?(operatore|operatrice|umano|persona)( per favore| grazie| subito)?[.!]*$"),
                    Pattern.compile("\\b(persona|operatore) (vera|reale|umano)\\b")),
            "lt", List.of(
                    Pattern.compile("\\b(kalbeti|pasikalbeti|susisiekti|sujunkite|noriu|reikia)\\b.*\\b(zmog\\p{L}*|operator\\p{L}*|konsultant\\p{L}*|darbuotoj\\p{L}*|vadybinink\\p{L}*)"),
                    Pattern.compile("^(operatorius|operatoriaus|zmogus|zmogaus|konsultantas)( prasau)?[.!]*$")),
            "fa", List.of(
                    // "پشتیبانی" (support) alone is not a request: "ایمیل پشتیبانی چیه" asks for the support address.
                    // Normalised text: "آدم" is written "ادم" once its madda goes.
                    Pattern.compile("(اپراتور|انسان|کارشناس|مشاور|(یک|یه) (نفر|ادم))"),
                    Pattern.compile("(صحبت|حرف|وصل).*(ادم|شخص|پشتیبان)"),
                    Pattern.compile("(ادم|شخص|پشتیبان).*(صحبت|حرف|وصل)")));

    /**
     * For each language whose patterns all need one of a few words: those words (a text without any of them cannot
     * match). Most messages contain none, and looking for a few substrings costs far less than running the
     * patterns, which were a twentieth of a busy node's CPU. A language not listed always runs its patterns.
     */
    private static final Map<String, List<String>> CUES = Map.of(
            "en", List.of("person", "human", "agent", "operator", "someone", "somebody", "rep", "staff", "people",
                    "customer service"),
            "it", List.of("operat", "persona", "uman", "assistente", "qualcuno", "consulente"),
            "lt", List.of("zmog", "operator", "konsultant", "darbuotoj", "vadybinink"));

    /** @param normalized the message after {@code TextNormalizer}; @param language the message's language */
    public boolean asksForHuman(String normalized, String language) {
        return matches(normalized, language)
                // English is the lingua franca of support chats: "operator" works on an Italian page too.
                || (!"en".equals(language) && matches(normalized, "en"));
    }

    private static boolean matches(String normalized, String language) {
        List<String> cues = CUES.get(language);
        if (cues != null && cues.stream().noneMatch(normalized::contains)) {
            return false;
        }
        for (Pattern pattern : PATTERNS.getOrDefault(language, List.of())) {
            if (pattern.matcher(normalized).find()) {
                return true;
            }
        }
        return false;
    }
}
