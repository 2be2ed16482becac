package dev.baton.intents;

/**
 * One thing wrong in an intent file, located so that a trainer can go straight to it.
 *
 * @param file   the file as the trainer knows it (relative to the intents directory where possible)
 * @param line   1-based line, or 0 when the problem concerns the whole file
 * @param message what is wrong, in words a trainer understands
 */
public record IntentFileProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
