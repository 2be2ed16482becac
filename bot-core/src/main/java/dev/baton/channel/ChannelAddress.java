package dev.baton.channel;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a visitor writes from on a messaging channel: the channel ({@code telegram}, {@code whatsapp}) and the
 * visitor's address on it (a Telegram chat id, a WhatsApp phone number). Its {@link #visitorId()} is
 * {@code channel:address}, which no widget visitor id can be (those have no colon), so a conversation's visitor id
 * says which channel it is on and where replies go.
 */
public record ChannelAddress(String channel, String address) {

    /** The channel of a conversation whose visitor id names none: the website widget. */
    public static final String WIDGET = "widget";

    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9]{1,31}");
    /** Chat ids, phone numbers and the like; never braces, which the Redis store's keys refuse. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9_.+@-]{1,128}");

    public ChannelAddress {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        if (!CHANNEL.matcher(channel).matches() || WIDGET.equals(channel)) {
            throw new IllegalArgumentException("a channel's name is 2 to 32 lower-case letters and digits, and not \"widget\"");
        }
        if (!ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("an address on " + channel + " is 1 to 128 of A-Z, a-z, 0-9 and _ . + @ -");
        }
    }

    public String visitorId() {
        return channel + ":" + address;
    }

    /** The address a visitor id names; empty for a widget visitor (or anything else that names none). */
    public static Optional<ChannelAddress> of(String visitorId) {
        int colon = visitorId.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ChannelAddress(visitorId.substring(0, colon), visitorId.substring(colon + 1)));
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    /** The channel a visitor id belongs to: {@link #WIDGET} unless it names one. */
    public static String channelOf(String visitorId) {
        return of(visitorId).map(ChannelAddress::channel).orElse(WIDGET);
    }
}
