package dev.baton.intents.rasa;

import java.util.List;

/**
 * A customer's intent in a Rasa rule or story and the responses the bot gives right after it.
 *
 * @param anytime   {@code true} for a rule with no condition that starts with the intent: the responses follow
 *                  whatever came before, as a Baton answer does; {@code false} when they depend on earlier turns
 * @param source    the rule or story, as the report names it
 */
record DialogueTurn(String intent, List<String> responses, String source, boolean anytime) {
}
