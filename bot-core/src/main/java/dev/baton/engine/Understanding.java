package dev.baton.engine;

import dev.baton.dialogue.HumanRequestDetector;
import dev.baton.dialogue.MoodDetector;
import dev.baton.nlu.LanguageDetector;

/**
 * The language-aware readers of a visitor message besides the intent model, which changes on retraining
 * and lives in {@link BotKnowledge}.
 *
 * @param defaultLanguage the language the bot falls back to when the visitor's has no examples
 */
public record Understanding(LanguageDetector languages,
                           HumanRequestDetector humanRequests,
                           MoodDetector moods,
                           String defaultLanguage) {
}
