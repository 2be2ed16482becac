package dev.baton.app.widget;

import dev.baton.app.config.SocketRoute;
import dev.baton.app.limits.SocketsPerAddress;
import dev.baton.app.limits.VisitorLimits;
import dev.baton.app.metrics.ConversationMetrics;
import dev.baton.app.wire.ConversationFeeds;
import dev.baton.app.wire.OpenSockets;
import dev.baton.app.wire.OutboundFrames;
import dev.baton.app.wire.SocketLimits;
import dev.baton.app.wire.SocketPipeline;
import dev.baton.app.privacy.PrivacyNoticeSettings;
import dev.baton.events.ConversationEvents;
import dev.baton.privacy.ConsentRecords;
import dev.baton.rights.VisitorDataRights;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.VisitorContexts;
import dev.baton.engine.ConversationEngine;
import dev.baton.engine.SatisfactionSurvey;
import dev.baton.engine.LiveQueue;
import dev.baton.store.SharedSecrets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** The website widget channel: its WebSocket; the widget's script and demo page are static resources. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WidgetChannel.VisitorSettings.class)
class WidgetChannel {

    static final String PATH = "/ws/visitor";
    static final String VISITOR_TOKEN_SECRET = "visitor-tokens";
    private static final Duration SECRET_READ_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    SocketRoute visitorSocket(ConversationEngine engine, SatisfactionSurvey survey, ConversationStore conversations,
                              ConversationFeeds feeds, WaitingVisitors waitingVisitors, SocketPipeline pipeline,
                              OutboundFrames frames, OpenSockets openSockets, ConversationMetrics metrics, SocketLimits limits,
                              VisitorTokens tokens, VisitorLimits visitorLimits, SocketsPerAddress socketsPerAddress,
                              VisitorPrivacy privacy, VisitorContexts contexts) {
        return new SocketRoute(PATH, new VisitorSocketHandler(engine, survey, conversations, feeds, waitingVisitors, pipeline,
                frames, openSockets, metrics, limits.maxMessagesWhileLoading(), tokens, visitorLimits, socketsPerAddress, privacy,
                contexts));
    }

    @Bean
    VisitorPrivacy visitorPrivacy(PrivacyNoticeSettings notice, ConsentRecords consents, VisitorDataRights rights,
                                  VisitorTokens tokens, Clock clock) {
        return new VisitorPrivacy(notice, consents, rights, tokens, clock);
    }

    /** Reads the shared secret once, at start-up (blocking there is fine: no event loop runs it). */
    @Bean
    VisitorTokens visitorTokens(SharedSecrets secrets, VisitorSettings settings) {
        return new VisitorTokens(secrets.get(VISITOR_TOKEN_SECRET).block(SECRET_READ_TIMEOUT), settings.requireToken());
    }

    /**
     * @param requireToken whether resuming a conversation needs the visitor's token; off while clients from before
     *                     tokens are still about (see docs/protocol.md)
     */
    @ConfigurationProperties("baton.visitors")
    record VisitorSettings(@DefaultValue("false") boolean requireToken) {
    }

    @Bean(destroyMethod = "close")
    WaitingVisitors waitingVisitors(LiveQueue queue) {
        return new WaitingVisitors(queue);
    }

    @Bean(destroyMethod = "close")
    ConversationFeeds conversationFeeds(ConversationEvents events, SocketLimits limits) {
        return new ConversationFeeds(events, limits.maxUnsentFrames());
    }
}
