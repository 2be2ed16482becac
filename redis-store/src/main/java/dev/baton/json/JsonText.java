package dev.baton.json;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

import java.io.StringWriter;
import java.io.Writer;
import java.util.function.Consumer;

/**
 * Writes JSON text with Jackson's streaming generator into a buffer each thread reuses. Why: a busy node writes a
 * few JSON documents per message (what it stores, what it publishes, what it pushes to sockets), and a fresh
 * {@code StringWriter} per document (grown step by step, then copied into the string) was a sixth of everything
 * the node allocated, so of how often its young collections paused it. Only the finished string is allocated.
 */
public final class JsonText {

    /** A buffer that grew past this (a huge document) is dropped rather than kept by its thread for good. */
    private static final int KEEP_AT_MOST = 64 * 1024;
    private static final ThreadLocal<ReusableWriter> BUFFERS = ThreadLocal.withInitial(ReusableWriter::new);

    private JsonText() {
    }

    /** The text {@code body} writes; {@code body} must write exactly one JSON value. */
    public static String write(ObjectMapper mapper, Consumer<JsonGenerator> body) {
        ReusableWriter out = BUFFERS.get();
        if (out.inUse) {
            // A document written while writing another (e.g. from a serializer): its own buffer.
            StringWriter fresh = new StringWriter(256);
            generate(mapper, fresh, body);
            return fresh.toString();
        }
        out.inUse = true;
        try {
            out.text.setLength(0);
            generate(mapper, out, body);
            return out.text.toString();
        } finally {
            out.inUse = false;
            if (out.text.capacity() > KEEP_AT_MOST) {
                BUFFERS.remove();
            }
        }
    }

    private static void generate(ObjectMapper mapper, Writer out, Consumer<JsonGenerator> body) {
        try (JsonGenerator g = mapper.createGenerator(out)) {
            body.accept(g);
        }
    }

    private static final class ReusableWriter extends Writer {
        final StringBuilder text = new StringBuilder(1024);
        boolean inUse;

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String s, int offset, int length) {
            text.append(s, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
