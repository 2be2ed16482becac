package dev.baton.handoff;

/**
 * An answer from the intent database an agent may start their reply from.
 *
 * @param intent the intent it answers, one the bot considered for the conversation
 * @param title  the intent's title in the visitor's language (its id when it has none)
 */
public record SuggestedAnswer(String intent, String title, String text) {
}
