package dev.baton.intents.rasa;

/**
 * Something in a Rasa file that the import could not carry over as it was: dropped, changed, or left for the
 * trainer to finish.
 *
 * @param file    the Rasa file, as uploaded
 * @param line    1-based line, or 0 when it concerns the whole file
 * @param message what happened to it and, where there is one, what the trainer can do
 */
public record RasaImportNote(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
