package dev.baton.app.channel.telegram;

import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * {@code java -jar baton.jar telegram-webhook https://baton.example.com}: tells Telegram to post the bot's updates to
 * this installation's webhook, with the secret token it must carry. The token and secret come from the environment
 * the service reads them from ({@code BATON_CHANNELS_TELEGRAM_BOT_TOKEN}, {@code BATON_CHANNELS_TELEGRAM_WEBHOOK_SECRET}).
 */
public final class TelegramWebhookCommand {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private TelegramWebhookCommand() {
    }

    /** Exit status 0 when Telegram took the webhook, 2 for bad arguments or settings, 1 when Telegram refused. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.length != 1 || !args[0].startsWith("https://")) {
            err.println("usage: telegram-webhook https://<this installation's public address>  (Telegram posts only to HTTPS)");
            return 2;
        }
        TelegramSettings settings;
        try {
            settings = new TelegramSettings(true, environment.get("BATON_CHANNELS_TELEGRAM_BOT_TOKEN"),
                    environment.get("BATON_CHANNELS_TELEGRAM_WEBHOOK_SECRET"),
                    environment.getOrDefault("BATON_CHANNELS_TELEGRAM_API_URL", "https://api.telegram.org"));
        } catch (IllegalArgumentException missing) {
            err.println(missing.getMessage());
            return 2;
        }
        String url = args[0].replaceAll("/+$", "") + TelegramWebhook.PATH;
        try {
            new TelegramBotApi(settings, PATIENCE, JsonMapper.builder().build())
                    .setWebhook(url, settings.webhookSecret())
                    .block(PATIENCE.multipliedBy(2));
        } catch (RuntimeException refused) {
            err.println("Telegram did not set the webhook: " + refused.getMessage());
            return 1;
        }
        out.println("Telegram now posts the bot's messages to " + url);
        return 0;
    }
}
