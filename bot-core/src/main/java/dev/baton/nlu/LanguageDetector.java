package dev.baton.nlu;

import java.util.Optional;

/**
 * Tells which language a chat message is in. Chat messages are short ("ok", "grazie"), so a detector
 * falls back, in order, to the conversation's language so far, then the widget's hint, then the default.
 */
public interface LanguageDetector {

    /**
     * @param text                 the message
     * @param conversationLanguage the language the conversation has used so far, if any
     * @param hint                 the language the widget reports (page or browser language), if any
     * @return an ISO 639-1 code such as {@code en}, {@code it}, {@code lt}, {@code fa}; never empty
     */
    String detect(String text, Optional<String> conversationLanguage, Optional<String> hint);
}
