package dev.baton.app.channel;

import dev.baton.app.channel.app.AppChannel;
import dev.baton.app.channel.platform.ChannelSettings;
import dev.baton.app.channel.telegram.TelegramChannel;
import dev.baton.app.channel.whatsapp.WhatsAppChannel;
import dev.baton.app.config.BackgroundWork;
import dev.baton.app.privacy.PrivacyNoticeSettings;
import dev.baton.channel.ChannelDelivery;
import dev.baton.channel.ChannelPrivacyNotice;
import dev.baton.channel.ChannelVisitors;
import dev.baton.channel.DeliveryClaims;
import dev.baton.channel.OutputChannel;
import dev.baton.customers.Customers;
import dev.baton.engine.ConversationEngine;
import dev.baton.engine.Handoffs;
import dev.baton.engine.SatisfactionSurvey;
import dev.baton.engine.Stores;
import dev.baton.privacy.ConsentRecords;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import reactor.core.publisher.Flux;

import java.time.Clock;
import java.util.List;

/**
 * Every messaging channel beyond the widget, registered here and only here: each is one adapter package, imported
 * below and on only when configured ({@code baton.channels.<name>.enabled=true}, credentials from the environment).
 * A channel adds an {@link OutputChannel} bean and its webhook; what they share is made here: the
 * {@link ChannelVisitors} its webhook hands messages to and the {@link ChannelDelivery} that sends replies. (The
 * {@link DeliveryClaims} come with the store: see the configuration of stores.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChannelSettings.class)
@Import({TelegramChannel.class, WhatsAppChannel.class, AppChannel.class})
public class Channels {

    @Bean
    ChannelVisitors channelVisitors(ConversationEngine engine, SatisfactionSurvey survey, Stores stores, DeliveryClaims claims,
                                    Customers customers, PrivacyNoticeSettings privacy, ConsentRecords consents, Clock clock) {
        return new ChannelVisitors(engine, survey, stores.conversations(), claims, customers,
                new ChannelPrivacyNotice(privacy.notice(), stores.conversations(), consents, clock));
    }

    /** Sends replies to the channels that are on, from the node's start until it stops; nothing without any. */
    @Bean
    BackgroundWork channelDelivery(ObjectProvider<OutputChannel> enabled, Stores stores, DeliveryClaims claims, SatisfactionSurvey survey,
                                   Handoffs handoffs, ChannelSettings settings) {
        List<OutputChannel> channels = enabled.orderedStream().toList();
        ChannelDelivery delivery = new ChannelDelivery(stores.events(), claims, channels, stores.conversations(), survey, handoffs,
                settings.retry().delivery());
        return new BackgroundWork(() -> channels.isEmpty() ? Flux.empty() : delivery.run());
    }
}
