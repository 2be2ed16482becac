package dev.baton.app.http;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;

import java.util.regex.Pattern;

/** What the HTTP APIs tell a client whose request could not be read. */
public final class InputProblems {

    /** Where in the body the parser stopped, which it cannot say of a stream: "(start marker at [Source: REDACTED …])". */
    private static final Pattern PARSER_LOCATION = Pattern.compile("\\s*\\(?(?:start marker )?at \\[Source:[^\\]]*]\\)?");
    /** The parser's name for what it found, which the message says in words already: "(token `JsonToken.START_ARRAY`)". */
    private static final Pattern PARSER_TOKEN = Pattern.compile("\\s*\\(token `JsonToken\\.\\w+`\\)");

    /** A Java type as Jackson quotes it: {@code `java.util.ArrayList<java.lang.String>`}, {@code `dev.baton.…$Document`}. */
    private static final Pattern JAVA_TYPE = Pattern.compile("`((?:java|dev\\.baton)\\.[\\w.$<>, ]+|int|long|double|boolean)`");

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
        String detail = cause instanceof JacksonException json ? json.getOriginalMessage() + where(json) : cause.getMessage();
        if (detail == null || detail.isBlank()) {
            return e.getReason();
        }
        String said = PARSER_TOKEN.matcher(PARSER_LOCATION.matcher(firstLine(detail)).replaceAll("")).replaceAll("").strip();
        return e.getReason() + ": " + JAVA_TYPE.matcher(said).replaceAll(type -> "`" + jsonKind(type.group(1)) + "`");
    }

    /** The JSON a Java type reads, so that a client is told "`list`", not our class names. */
    private static String jsonKind(String javaType) {
        if (javaType.matches("java\\.util\\.\\w*(List|Set)\\b.*")) {
            return "list";
        }
        return switch (javaType) {
            case "java.lang.String" -> "text";
            case "int", "long", "java.lang.Integer", "java.lang.Long" -> "whole number";
            case "double", "java.lang.Double" -> "number";
            case "boolean", "java.lang.Boolean" -> "true or false";
            default -> "object";
        };
    }

    /** The field the value was for, as the client named it ({@code examples[2]}), never our classes' names. */
    private static String where(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference step : json.getPath()) {
            if (step.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "" : ", in \"" + path + "\"";
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
