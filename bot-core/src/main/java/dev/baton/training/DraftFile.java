package dev.baton.training;

import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabaseLoader.IntentSource;
import dev.baton.intents.IntentYamlWriter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One intent file of a draft: its intents, and, while none of them was changed, the file exactly as published, so
 * that publishing a draft keeps every untouched file (its comments and layout) as the trainer wrote it in git. A
 * changed file is written again by {@link IntentYamlWriter}, under the comment that opened it.
 *
 * @param name             the file's name, relative to the intents folder (e.g. {@code orders.yaml})
 * @param comment          the comment lines that open the file, without their {@code #}
 * @param intents          the file's intents, in order
 * @param publishedContent the file as published, while it is unchanged; empty once an intent in it changed
 */
public record DraftFile(String name, List<String> comment, List<Intent> intents, Optional<String> publishedContent) {

    public DraftFile {
        Objects.requireNonNull(name, "name");
        comment = List.copyOf(comment);
        intents = List.copyOf(intents);
        Objects.requireNonNull(publishedContent, "publishedContent");
    }

    /** A published file, kept as it is until an intent in it changes. */
    static DraftFile published(IntentSource source, List<Intent> intents) {
        return new DraftFile(source.name(), openingComment(source.content()), intents, Optional.of(source.content()));
    }

    /** The file with other intents: written anew from now on. */
    DraftFile with(List<Intent> changed) {
        return new DraftFile(name, comment, changed, Optional.empty());
    }

    public String content() {
        return publishedContent.orElseGet(() -> IntentYamlWriter.write(comment, intents));
    }

    public IntentSource source() {
        return new IntentSource(name, content());
    }

    private static List<String> openingComment(String content) {
        return content.lines()
                .takeWhile(line -> line.startsWith("#"))
                .map(line -> line.substring(1).strip())
                .toList();
    }
}
