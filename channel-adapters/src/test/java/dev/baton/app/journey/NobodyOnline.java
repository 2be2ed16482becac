package dev.baton.app.journey;

import dev.baton.handoff.Presence;

import java.time.Duration;

/** For tests about a visitor alone with the bot: agents of earlier tests sign off as their sockets close, a moment later. */
public final class NobodyOnline {

    private NobodyOnline() {
    }

    public static void await(Presence presence) {
        presence.onlineCount().filter(n -> n == 0)
                .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(20)))
                .block(Duration.ofSeconds(10));
    }
}
