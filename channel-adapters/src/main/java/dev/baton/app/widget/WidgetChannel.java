package dev.baton.app.widget;

import dev.baton.app.config.SocketRoute;
import dev.baton.app.metrics.ConversationMetrics;
import dev.baton.app.wire.ConversationFeeds;
import dev.baton.app.wire.OpenSockets;
import dev.baton.app.wire.OutboundFrames;
import dev.baton.app.wire.SocketLimits;
import dev.baton.app.wire.SocketPipeline;
import dev.baton.events.ConversationEvents;
import dev.baton.conversation.ConversationStore;
import dev.baton.engine.ConversationEngine;
import dev.baton.engine.LiveQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The website widget channel: its WebSocket; the widget's script and demo page are static resources. */
@Configuration(proxyBeanMethods = false)
class WidgetChannel {

    static final String PATH = "/ws/visitor";

    @Bean
    SocketRoute visitorSocket(ConversationEngine engine, ConversationStore conversations, ConversationFeeds feeds,
                              WaitingVisitors waitingVisitors, SocketPipeline pipeline, OutboundFrames frames,
                              OpenSockets openSockets, ConversationMetrics metrics, SocketLimits limits) {
        return new SocketRoute(PATH, new VisitorSocketHandler(engine, conversations, feeds, waitingVisitors, pipeline,
                frames, openSockets, metrics, limits.maxMessagesWhileLoading()));
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
