package dev.baton.app.channel.app;

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
 * The signed webhook channel, for a company's own app or another platform, on with
 * {@code baton.channels.app.enabled=true}: its output channel and its webhook. Registered in
 * {@link dev.baton.app.channel.Channels}.
 */
@ConditionalOnProperty(name = "baton.channels.app.enabled", havingValue = "true")
@EnableConfigurationProperties(AppChannelSettings.class)
public class AppChannel {

    @Bean
    AppApi appApi(AppChannelSettings settings, ChannelSettings channels, ObjectMapper json, Clock clock) {
        return new AppApi(settings, channels.sendTimeout(), json, clock);
    }

    @Bean
    RouterFunction<ServerResponse> appWebhook(AppChannelSettings settings, ChannelVisitors visitors, ObjectMapper json, Clock clock) {
        AppWebhook webhook = new AppWebhook(settings, visitors, new Webhooks(settings.title(), json), clock);
        return RouterFunctions.route(RequestPredicates.POST(AppWebhook.PATH), webhook::handle);
    }
}
