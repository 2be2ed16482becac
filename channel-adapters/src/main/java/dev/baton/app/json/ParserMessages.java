package dev.baton.app.json;

import tools.jackson.core.JacksonException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What Jackson says of JSON it could not read, in the words a client needs: what was wrong and in which field, without
 * the parser's internals (its location in a stream it cannot show, its token names, its own methods) or the names of
 * our classes.
 */
public final class ParserMessages {

    /** Where in the body the parser stopped, which it cannot say of a stream: "(start marker at [Source: REDACTED …])". */
    private static final Pattern LOCATION = Pattern.compile("\\s*\\(?(?:start marker )?at \\[Source:[^\\]]*]\\)?");
    /** The parser's name for what it found, which the message says in words already: "(token `JsonToken.START_ARRAY`)". */
    private static final Pattern TOKEN = Pattern.compile("\\s*\\(token `JsonToken\\.\\w+`\\)");
    /** The setting a limit comes from: "(500, from `StreamReadConstraints.getMaxNestingDepth()`)". */
    private static final Pattern SETTING = Pattern.compile(", from `[\\w.]+\\(\\)`");
    private static final List<Pattern> INTERNALS = List.of(LOCATION, TOKEN, SETTING);
    /** A Java type as Jackson quotes it: {@code `java.util.ArrayList<java.lang.String>`}, {@code `dev.baton.…$Document`}. */
    private static final Pattern JAVA_TYPE = Pattern.compile("`((?:java|dev\\.baton)\\.[\\w.$<>, ]+|int|long|double|boolean)`");

    private ParserMessages() {
    }

    /** The parser's first line, cleaned, and the field it was reading ({@code , in "examples[1]"}) when it knows. */
    public static String of(JacksonException e) {
        String said = e.getOriginalMessage() == null ? "" : firstLine(e.getOriginalMessage());
        for (Pattern internal : INTERNALS) {
            said = internal.matcher(said).replaceAll("");
        }
        return JAVA_TYPE.matcher(said.strip()).replaceAll(type -> "`" + jsonKind(type.group(1)) + "`") + where(e);
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

    /** The field the value was for, as the client named it ({@code examples[2]}). */
    private static String where(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference step : e.getPath()) {
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
