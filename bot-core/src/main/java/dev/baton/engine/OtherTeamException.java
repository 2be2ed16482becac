package dev.baton.engine;

/** The conversation waits for a team the agent is not in: they neither see it in their queue nor may take it. */
public final class OtherTeamException extends RuntimeException {

    public OtherTeamException(String conversationId, String team) {
        super("conversation " + conversationId + " waits for the team " + team + ", which you are not in");
    }
}
