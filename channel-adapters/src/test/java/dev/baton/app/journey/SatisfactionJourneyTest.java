package dev.baton.app.journey;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Satisfaction on one node, in memory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SatisfactionJourneyTest extends SatisfactionJourney {

    @LocalServerPort
    int port;

    @Override
    protected int visitorPort() {
        return port;
    }

    @Override
    protected int agentPort() {
        return port;
    }
}
