package dev.baton.app.channel.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * The signed webhook channel, for a company's own app or another platform ({@code baton.channels.app.*}; in the
 * environment {@code BATON_CHANNELS_APP_SECRET} and so on).
 *
 * @param secret      the shared secret both sides sign with (at least 16 characters)
 * @param callbackUrl where Baton posts replies for the app's users
 * @param title       the channel's name for agents, e.g. "Shop app"
 * @param maxAge      how old a signed message may be; an older one is refused as a replay
 */
@ConfigurationProperties("baton.channels.app")
public record AppChannelSettings(@DefaultValue("false") boolean enabled, String secret, URI callbackUrl,
                                 @DefaultValue("App") String title, @DefaultValue("5m") Duration maxAge) {

    /** Refuses to start a channel that could not work, saying which setting is missing. */
    public AppChannelSettings {
        if (enabled) {
            if (secret == null || secret.length() < 16) {
                throw new IllegalArgumentException("baton.channels.app.secret (BATON_CHANNELS_APP_SECRET) of at least 16 characters "
                        + "is required when the app channel is enabled");
            }
            if (callbackUrl == null || !("http".equals(callbackUrl.getScheme()) || "https".equals(callbackUrl.getScheme()))) {
                throw new IllegalArgumentException("baton.channels.app.callback-url (BATON_CHANNELS_APP_CALLBACK_URL) must be the "
                        + "http or https address replies are posted to");
            }
        }
    }
}
