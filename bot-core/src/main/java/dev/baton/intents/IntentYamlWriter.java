package dev.baton.intents;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes intents as one intent file in the format {@link IntentDatabaseLoader} reads (the {@code intents/} folder's),
 * so that what a trainer edits in the workspace can go back into git, and so that a draft's files are validated by
 * the very same loader: {@code IntentDatabaseLoader.parse} of what this writes gives back the same intents.
 *
 * <p>The layout is the shipped files': block style, one text per line, every text in double quotes (so no text can
 * be misread as YAML, whatever its {@code : }, {@code #}, {@code ?} or leading character), keys in the order
 * {@code id, title, examples, answers, followUps, handoff, team}, languages in alphabetical order, empty parts left out.
 */
public final class IntentYamlWriter {

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z0-9_]+");

    private IntentYamlWriter() {
    }

    /** One file holding {@code intents}, in order. */
    public static String write(List<Intent> intents) {
        return write(List.of(), intents);
    }

    /**
     * One file holding {@code intents}, in order, under a comment (one entry per line, without the {@code #}), such
     * as the one that opens each shipped file.
     */
    public static String write(List<String> comment, List<Intent> intents) {
        StringBuilder yaml = new StringBuilder();
        comment.forEach(line -> yaml.append(line.isBlank() ? "#" : "# " + line.strip()).append('\n'));
        yaml.append("intents:\n");
        intents.forEach(intent -> writeIntent(yaml, intent));
        return yaml.toString();
    }

    private static void writeIntent(StringBuilder yaml, Intent intent) {
        yaml.append("  - id: ").append(name(intent.id())).append('\n');
        if (!intent.titles().isEmpty()) {
            yaml.append("    title:\n");
            new TreeMap<>(intent.titles()).forEach((language, title) ->
                    yaml.append("      ").append(name(language)).append(": ").append(quoted(title)).append('\n'));
        }
        writeTexts(yaml, "examples", intent.examples());
        writeTexts(yaml, "answers", intent.answers());
        if (!intent.followUps().isEmpty()) {
            yaml.append("    followUps: [")
                    .append(String.join(", ", intent.followUps().stream().map(IntentYamlWriter::name).toList()))
                    .append("]\n");
        }
        if (intent.handoff()) {
            yaml.append("    handoff: true\n");
        }
        intent.team().ifPresent(team -> yaml.append("    team: ").append(name(team)).append('\n'));
    }

    private static void writeTexts(StringBuilder yaml, String key, Map<String, List<String>> byLanguage) {
        if (byLanguage.isEmpty()) {
            return;
        }
        yaml.append("    ").append(key).append(":\n");
        new TreeMap<>(byLanguage).forEach((language, texts) -> {
            yaml.append("      ").append(name(language)).append(":");
            if (texts.isEmpty()) {
                // Written as the loader's "empty list" so that it reports it, rather than silently dropping the language.
                yaml.append(" []\n");
                return;
            }
            yaml.append('\n');
            texts.forEach(text -> yaml.append("        - ").append(quoted(text)).append('\n'));
        });
    }

    /** An id or language code: plain when it is a valid one (and not YAML's {@code null}), else quoted. */
    private static String name(String name) {
        return PLAIN_NAME.matcher(name).matches() && !name.equals("null") ? name : quoted(name);
    }

    /** A YAML double-quoted scalar: backslash, quote and every non-printable character escaped. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (printable(c)) {
                        out.appendCodePoint(c);
                    } else if (c <= 0xFFFF) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.append(String.format("\\U%08X", c));
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** What YAML 1.1 lets stand as itself in a file (others must be escaped); line separators are escaped too. */
    private static boolean printable(int c) {
        return c >= 0x20 && c <= 0x7E
                || c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029
                || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}
