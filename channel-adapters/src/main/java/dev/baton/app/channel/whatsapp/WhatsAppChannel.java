package dev.baton.app.channel.whatsapp;

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

import java.time.Clock;

/**
 * The WhatsApp channel (Cloud API), on with {@code baton.channels.whatsapp.enabled=true}: its output channel and its
 * webhook. Registered in {@link dev.baton.app.channel.Channels}.
 */
@ConditionalOnProperty(name = "baton.channels.whatsapp.enabled", havingValue = "true")
@EnableConfigurationProperties(WhatsAppSettings.class)
public class WhatsAppChannel {

    @Bean
    WhatsAppCloudApi whatsAppCloudApi(WhatsAppSettings settings, ChannelSettings channels, ObjectMapper json, Clock clock) {
        return new WhatsAppCloudApi(settings, channels.sendTimeout(), json, clock);
    }

    @Bean
    RouterFunction<ServerResponse> whatsAppWebhook(WhatsAppSettings settings, ChannelVisitors visitors, ObjectMapper json) {
        WhatsAppWebhook webhook = new WhatsAppWebhook(settings, visitors, new Webhooks("WhatsApp", json));
        return RouterFunctions.route(RequestPredicates.GET(WhatsAppWebhook.PATH), webhook::verify)
                .andRoute(RequestPredicates.POST(WhatsAppWebhook.PATH), webhook::deliver);
    }
}
