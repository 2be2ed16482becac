package dev.baton.app.webhooks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;

/** Conversation events out to the configured webhooks; with none configured, nothing is queued or sent. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
public class WebhooksConfiguration {

    @Bean
    WebhookDeliveries webhookDeliveries(WebhookSettings settings) {
        return new WebhookDeliveries(settings.deliveriesKept());
    }

    @Bean(destroyMethod = "close")
    WebhookSender webhookSender(WebhookSettings settings, ObjectProvider<WebClient.Builder> http, ObjectMapper json, Clock clock,
                                WebhookDeliveries deliveries) {
        return new WebhookSender(settings, http.getIfAvailable(WebClient::builder).build(), json, clock, deliveries);
    }

    /** The observer the core reports to, for the events out (see the metrics' configuration, which tells it). */
    @Bean
    public EventWebhooks eventWebhooks(WebhookSender sender, WebhookSettings settings, Clock clock) {
        return new EventWebhooks(sender, clock, !settings.endpoints().isEmpty());
    }
}
