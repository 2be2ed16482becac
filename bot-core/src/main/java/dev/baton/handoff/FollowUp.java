package dev.baton.handoff;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the agents are with a message a visitor left: open, taken by one agent (so that two never answer it), or
 * done — answered by email, or handled another way (a call, say), with a note saying how.
 *
 * @param agent who took it or finished it; empty while it is open
 * @param since when it was taken or finished; empty while it is open
 * @param note  for one handled another way, how; empty otherwise
 */
public record FollowUp(Status status, Optional<String> agent, Optional<Instant> since, Optional<String> note) {

    public enum Status {
        OPEN, CLAIMED, EMAILED, HANDLED;

        public boolean done() {
            return this == EMAILED || this == HANDLED;
        }
    }

    public FollowUp {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(note, "note");
        if ((status == Status.OPEN) != agent.isEmpty() || agent.isEmpty() != since.isEmpty()) {
            throw new IllegalArgumentException("an open left message has no agent and no time, any other has both");
        }
    }

    public static FollowUp open() {
        return new FollowUp(Status.OPEN, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static FollowUp claimedBy(String agent, Instant at) {
        return new FollowUp(Status.CLAIMED, Optional.of(agent), Optional.of(at), Optional.empty());
    }

    public static FollowUp emailedBy(String agent, Instant at) {
        return new FollowUp(Status.EMAILED, Optional.of(agent), Optional.of(at), Optional.empty());
    }

    public static FollowUp handledBy(String agent, Instant at, String note) {
        return new FollowUp(Status.HANDLED, Optional.of(agent), Optional.of(at), Optional.of(note));
    }

    public boolean done() {
        return status.done();
    }

    /** Whether {@code agent} may work on it now: it is open, or theirs. */
    public boolean openTo(String agent) {
        return status == Status.OPEN || (status == Status.CLAIMED && this.agent.orElseThrow().equals(agent));
    }
}
