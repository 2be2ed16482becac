package dev.baton.app.console;

import dev.baton.app.config.BatonProperties;
import dev.baton.app.config.SocketRoute;
import dev.baton.app.wire.OpenSockets;
import dev.baton.app.wire.OutboundFrames;
import dev.baton.conversation.ConversationEvents;
import dev.baton.engine.AgentDesk;
import dev.baton.handoff.AgentPresence;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** The agent console channel: its WebSocket and who the agents are; the pages are static resources. */
@Configuration(proxyBeanMethods = false)
class ConsoleChannel {

    static final String PATH = "/ws/agent";

    @Bean
    AgentDirectory agentDirectory(BatonProperties properties) {
        return new AgentDirectory(properties.agents());
    }

    @Bean
    SocketRoute agentSocket(AgentDesk desk, AgentPresence presence, ConversationEvents events, AgentDirectory agents,
                            ObjectMapper mapper, OutboundFrames frames, OpenSockets openSockets) {
        return new SocketRoute(PATH, new AgentSocketHandler(desk, presence, events, agents, mapper, frames, openSockets));
    }
}
