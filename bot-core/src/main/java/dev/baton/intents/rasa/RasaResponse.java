package dev.baton.intents.rasa;

import java.util.List;
import java.util.Optional;

/**
 * One Rasa response ({@code utter_...}) as written: its variations, of which Rasa picks one, as Baton picks one of
 * an intent's answers.
 */
record RasaResponse(String name, String file, int line, List<Variation> variations) {

    /** A button: what it shows, and what it sends ({@code /intent} or a link). */
    record Button(String title, String payload) {
    }

    /**
     * @param text   empty when the variation has none (e.g. only a custom payload)
     * @param other  the keys Baton cannot show, such as {@code custom}; {@code condition} and {@code channel} too,
     *               since Baton shows every variation to everyone
     */
    record Variation(Optional<String> text, int line, Optional<String> image, List<Button> buttons, List<String> other) {
    }
}
