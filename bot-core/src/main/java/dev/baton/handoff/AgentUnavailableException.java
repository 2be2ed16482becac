package dev.baton.handoff;

/** A conversation cannot go to this agent: nobody by that name may take conversations, or they are offline or away. */
public final class AgentUnavailableException extends RuntimeException {

    /** Why the agent cannot take it; each has its own error code on the wire. */
    public enum Problem { UNKNOWN, OFFLINE, AWAY }

    private final Problem problem;

    public AgentUnavailableException(String agentUsername, Problem problem) {
        super(switch (problem) {
            case UNKNOWN -> "there is no agent " + agentUsername;
            case OFFLINE -> agentUsername + " is not online";
            case AWAY -> agentUsername + " is away";
        });
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
