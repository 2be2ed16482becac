package dev.baton.app.channel.telegram;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.regex.Pattern;

/**
 * The Telegram channel ({@code baton.channels.telegram.*}; in the environment {@code BATON_CHANNELS_TELEGRAM_BOT_TOKEN}
 * and so on).
 *
 * @param botToken      the token BotFather gave the bot
 * @param webhookSecret what Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token} with every update (set with the
 *                      webhook: {@code java -jar baton.jar telegram-webhook}); 1-256 of A-Z, a-z, 0-9, _ and -
 * @param apiUrl        the Bot API's root
 */
@ConfigurationProperties("baton.channels.telegram")
public record TelegramSettings(@DefaultValue("false") boolean enabled, String botToken, String webhookSecret,
                              @DefaultValue("https://api.telegram.org") String apiUrl) {

    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    /** Refuses to start a Telegram channel that could not work, saying which setting is missing. */
    public TelegramSettings {
        if (enabled) {
            if (botToken == null || botToken.isBlank()) {
                throw new IllegalArgumentException("baton.channels.telegram.bot-token (BATON_CHANNELS_TELEGRAM_BOT_TOKEN) is required when Telegram is enabled");
            }
            if (webhookSecret == null || !SECRET.matcher(webhookSecret).matches()) {
                throw new IllegalArgumentException("baton.channels.telegram.webhook-secret (BATON_CHANNELS_TELEGRAM_WEBHOOK_SECRET) is required "
                        + "when Telegram is enabled: 1 to 256 of A-Z, a-z, 0-9, _ and -");
            }
        }
    }
}
