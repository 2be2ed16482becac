package dev.baton.app.console;

import dev.baton.app.config.BatonProperties;
import dev.baton.handoff.AgentRoster;
import dev.baton.app.config.SocketRoute;
import dev.baton.app.wire.ConversationFeeds;
import dev.baton.app.wire.FrameParts.TimersView;
import dev.baton.app.wire.OpenSockets;
import dev.baton.app.wire.OutboundFrames;
import dev.baton.app.wire.SocketPipeline;
import dev.baton.audit.AuditTrail;
import dev.baton.engine.AgentDesk;
import dev.baton.engine.LeftMessageFollowUps;
import dev.baton.engine.LiveKnowledge;
import dev.baton.engine.LiveQueue;
import dev.baton.handoff.SuggestedAnswers;
import dev.baton.handoff.Teams;
import dev.baton.canned.CannedResponse;
import dev.baton.canned.CannedResponses;
import dev.baton.customers.Customers;
import dev.baton.conversation.VisitorContexts;
import dev.baton.satisfaction.SatisfactionRatings;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;

/** The agent console channel: its WebSocket and who the agents are; the pages are static resources. */
@Configuration(proxyBeanMethods = false)
class ConsoleChannel {

    static final String PATH = "/ws/agent";
    static final String SUPERVISOR_PATH = "/ws/supervisor";
    private static final Duration SEEDING_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    AgentDirectory agentDirectory(AgentRoster roster) {
        return new AgentDirectory(roster);
    }

    @Bean
    SocketRoute agentSocket(AgentDesk desk, ConversationFeeds feeds, QueueBroadcast queue, AgentDirectory agents,
                            SocketPipeline pipeline, OutboundFrames frames, OpenSockets openSockets, LiveKnowledge knowledge,
                            BatonProperties properties, CannedResponses canned, LeftMessageFollowUps followUps,
                            VisitorContexts contexts, SatisfactionRatings ratings, ConsoleAudit audit, Customers customers) {
        SuggestedAnswers suggestions = new SuggestedAnswers(() -> knowledge.get().intents(), properties.defaultLanguage());
        seed(canned, properties.agents().cannedResponses());
        return new SocketRoute(PATH, new AgentSocketHandler(desk, feeds, queue, agents, pipeline, frames, openSockets,
                suggestions, canned, new LeftMessageActions(followUps),
                TimersView.of(properties.console().timers().amber(), properties.console().timers().red()), contexts, ratings,
                audit, customers));
    }

    /** At start-up, before any console connects: the configured shared canned responses that are not stored yet. */
    private static void seed(CannedResponses canned, List<BatonProperties.CannedResponseSeed> seeds) {
        Flux.fromIterable(seeds)
                .map(seed -> CannedResponse.shared(seed.language(), seed.shortcut(), seed.text()))
                .concatMap(canned::saveIfAbsent)
                .blockLast(SEEDING_TIMEOUT);
    }

    @Bean
    SocketRoute supervisorSocket(AgentDesk desk, ConversationFeeds feeds, QueueBroadcast queue, AgentDirectory agents,
                                 SocketPipeline pipeline, OutboundFrames frames, OpenSockets openSockets, BatonProperties properties,
                                 ConsoleAudit audit) {
        return new SocketRoute(SUPERVISOR_PATH, new SupervisorSocketHandler(desk, feeds, queue, agents, pipeline, frames, openSockets,
                properties.handoff().waitAmber(), properties.handoff().waitRed(), audit));
    }

    @Bean
    ConsoleAudit consoleAudit(AuditTrail audit) {
        return new ConsoleAudit(audit);
    }

    @Bean
    ServerLogoutHandler signOutClosesConsoles(AgentDesk desk) {
        return new SignOutClosesConsoles(desk);
    }

    @Bean(destroyMethod = "close")
    QueueBroadcast queueBroadcast(LiveQueue queue, OutboundFrames frames, Teams teams) {
        return new QueueBroadcast(queue, frames, teams);
    }
}
