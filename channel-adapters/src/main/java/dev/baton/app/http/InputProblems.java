package dev.baton.app.http;

import dev.baton.app.json.ParserMessages;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;

/** What the HTTP APIs tell a client whose request could not be read. */
public final class InputProblems {

    private InputProblems() {
    }

    /**
     * Spring's reason, and for a body it could not read the parser's words: Spring alone says "Failed to read HTTP
     * message", which does not tell a client that its JSON ends early or has a text where a list belongs.
     */
    public static String reason(ServerWebInputException e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        if (cause == e) {
            return e.getReason();
        }
        String detail = cause instanceof JacksonException json ? ParserMessages.of(json) : cause.getMessage();
        return detail == null || detail.isBlank() ? e.getReason() : e.getReason() + ": " + detail;
    }
}
