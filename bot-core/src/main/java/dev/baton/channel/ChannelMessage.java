package dev.baton.channel;

import java.util.Objects;
import java.util.Optional;

/**
 * What a visitor sent on a messaging channel, as its adapter read it from the platform's payload.
 *
 * @param deliveryId   the platform's id for this delivery (Telegram's {@code update_id}, WhatsApp's message id): the
 *                     same payload delivered again carries the same one
 * @param text         what the visitor wrote, or the label of the button they pressed
 * @param choiceKey    the {@link Choices#key key} of the button pressed, if one was
 * @param languageHint the language the platform says the visitor uses
 */
public record ChannelMessage(ChannelAddress from, String deliveryId, String text, Optional<String> choiceKey,
                             Optional<String> languageHint) {

    public ChannelMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(choiceKey, "choiceKey");
        Objects.requireNonNull(languageHint, "languageHint");
    }
}
