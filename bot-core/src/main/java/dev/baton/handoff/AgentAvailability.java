package dev.baton.handoff;

/**
 * Whether an agent can take a conversation now: their status and how many conversations they have.
 *
 * @param open the conversations they are talking in now
 */
public record AgentAvailability(AgentRoster.Member member, Status status, int open) {

    /** Online and taking conversations, connected but away, or with no console open. */
    public enum Status { ONLINE, AWAY, OFFLINE }

    public static Status status(boolean online, boolean away) {
        return !online ? Status.OFFLINE : away ? Status.AWAY : Status.ONLINE;
    }

    /** Online, not away, and under their capacity. */
    public boolean canTakeMore() {
        return status == Status.ONLINE && open < member.capacity();
    }
}
