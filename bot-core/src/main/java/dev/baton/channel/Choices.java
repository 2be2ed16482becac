package dev.baton.channel;

import dev.baton.conversation.QuickReply;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quick replies on channels without buttons, and the answers to them: options are numbered under the text, and the
 * visitor answers with a number or the option's text. Buttons on channels that have them carry a {@link #key}, the
 * message and the option, so that a button pressed under an older message still means what it said.
 */
public final class Choices {

    private static final Pattern NUMBER = Pattern.compile("\\s*(\\d{1,2})\\s*[.)]?\\s*");
    private static final Pattern KEY = Pattern.compile("(\\d{1,18}):(\\d{1,2})");

    private Choices() {
    }

    /** {@code text}, then one line per choice: "1. Returns". */
    public static String numbered(String text, List<QuickReply> choices) {
        StringBuilder rendered = new StringBuilder(text);
        for (int i = 0; i < choices.size(); i++) {
            rendered.append('\n').append(i + 1).append(". ").append(choices.get(i).label());
        }
        return rendered.toString();
    }

    /** The choice a visitor's text means: its number ("2", "2.") or its label, case and surrounding spaces aside. */
    public static Optional<QuickReply> answeredBy(String text, List<QuickReply> choices) {
        Matcher number = NUMBER.matcher(text);
        if (number.matches()) {
            int index = Integer.parseInt(number.group(1)) - 1;
            return index >= 0 && index < choices.size() ? Optional.of(choices.get(index)) : Optional.empty();
        }
        String said = text.strip().toLowerCase(Locale.ROOT);
        return choices.stream().filter(c -> c.label().strip().toLowerCase(Locale.ROOT).equals(said)).findFirst();
    }

    /** What a button for choice {@code index} (from 0) of message {@code messageId} carries: {@code 17:0}. */
    public static String key(long messageId, int index) {
        return messageId + ":" + index;
    }

    /** The message and choice a button's key names; empty for anything that is not a key. */
    public static Optional<Chosen> fromKey(String key) {
        Matcher matcher = KEY.matcher(key);
        return matcher.matches()
                ? Optional.of(new Chosen(Long.parseLong(matcher.group(1)), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }

    /** Choice {@code index} (from 0) of message {@code messageId}. */
    public record Chosen(long messageId, int index) {
    }
}
