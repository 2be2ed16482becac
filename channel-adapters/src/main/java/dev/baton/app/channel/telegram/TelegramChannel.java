package dev.baton.app.channel.telegram;

import dev.baton.app.channel.platform.ChannelSettings;
import dev.baton.app.channel.platform.Webhooks;
import dev.baton.channel.ChannelVisitors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.ObjectMapper;

/**
 * The Telegram channel (Bot API), on with {@code baton.channels.telegram.enabled=true}: its output channel and its
 * webhook. Registered in {@link dev.baton.app.channel.Channels}.
 */
@ConditionalOnProperty(name = "baton.channels.telegram.enabled", havingValue = "true")
@EnableConfigurationProperties(TelegramSettings.class)
public class TelegramChannel {

    @Bean
    TelegramBotApi telegramBotApi(TelegramSettings settings, ChannelSettings channels, ObjectMapper json) {
        return new TelegramBotApi(settings, channels.sendTimeout(), json);
    }

    @Bean
    RouterFunction<ServerResponse> telegramWebhook(TelegramSettings settings, ChannelVisitors visitors, TelegramBotApi api,
                                                   ObjectMapper json) {
        TelegramWebhook webhook = new TelegramWebhook(settings.webhookSecret(), visitors, api, new Webhooks("Telegram", json));
        return RouterFunctions.route(RequestPredicates.POST(TelegramWebhook.PATH), webhook::handle);
    }
}
