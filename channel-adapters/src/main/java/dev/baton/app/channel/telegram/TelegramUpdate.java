package dev.baton.app.channel.telegram;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the Bot API posts to the webhook, as much of it as Baton reads: a message, or a button of an inline keyboard
 * pressed ({@code callback_query}). Everything else an update may carry is ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record TelegramUpdate(@JsonProperty("update_id") Long updateId, Message message,
                      @JsonProperty("callback_query") CallbackQuery callbackQuery) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(@JsonProperty("message_id") long messageId, User from, Chat chat, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(long id, @JsonProperty("is_bot") boolean isBot, @JsonProperty("language_code") String languageCode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Chat(long id, String type) {
    }

    /** A pressed button: {@code data} is its callback data, {@code message} the message it was under. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CallbackQuery(String id, User from, Message message, String data) {
    }
}
