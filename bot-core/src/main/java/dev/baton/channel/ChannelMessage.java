package dev.baton.channel;

import dev.baton.customers.Contact;

import java.util.List;
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
 * @param verified     the email addresses and phone numbers the platform vouches are the visitor's (WhatsApp: the
 *                     number they write from; a signed app payload: what the app verified), never what they typed
 */
public record ChannelMessage(ChannelAddress from, String deliveryId, String text, Optional<String> choiceKey,
                             Optional<String> languageHint, List<Contact> verified) {

    public ChannelMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(choiceKey, "choiceKey");
        Objects.requireNonNull(languageHint, "languageHint");
        verified = List.copyOf(verified);
    }

    /** A message whose platform vouches for nothing about its visitor but their address on it. */
    public ChannelMessage(ChannelAddress from, String deliveryId, String text, Optional<String> choiceKey, Optional<String> languageHint) {
        this(from, deliveryId, text, choiceKey, languageHint, List.of());
    }
}
