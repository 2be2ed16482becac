package dev.baton.engine;

/** A conversation was sent to a team that is not configured. */
public final class UnknownTeamException extends RuntimeException {

    public UnknownTeamException(String team) {
        super("there is no team " + team);
    }
}
