package dev.baton.app.trainer;

import dev.baton.intents.IntentDatabaseLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Intent files a trainer edits in tests: a copy of the shipped ones, and an intent to add to them. */
public final class IntentFiles {

    /** An intent the shipped database lacks; its answer starts with "Every euro you spend earns one loyalty point". */
    public static final String LOYALTY = """
            intents:
              - id: loyalty_points
                examples:
                  en:
                    - how many loyalty points do i have
                    - check my loyalty points balance
                    - what are loyalty points worth
                    - can i pay with my loyalty points
                answers:
                  en:
                    - "Every euro you spend earns one loyalty point; 100 points are a 5 EUR voucher."
            """;

    /** How many intents the shipped database has, so that tests need no change when a trainer adds one. */
    public static final int SHIPPED = IntentDatabaseLoader.load(Path.of("../intents")).intents().size();

    private IntentFiles() {
    }

    /** Copies the shipped intent files into {@code folder} (created if needed) and returns it. */
    public static Path copyOfTheShippedIntents(Path folder) {
        try (Stream<Path> files = Files.list(Path.of("../intents"))) {
            Files.createDirectories(folder);
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
