package dev.baton.app.load;

import dev.baton.app.load.LoadJson.Frame;
import dev.baton.app.load.Questions.Question;
import dev.baton.app.load.Questions.ReplyKind;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;

/**
 * One connection that asks questions one at a time, each in a fresh conversation, and says what came back:
 * {@code answer} (the question's own intent's answer in its language), the right answer in another language,
 * another intent's answer, or the start of any other reply
 * ("did you mean…", "I did not understand", a handoff). Blocking, so never used on an event-loop thread.
 */
final class ScreeningProbe implements AutoCloseable {

    private static final long PATIENCE_SECONDS = 10;

    private final Sinks.Many<String> out = Sinks.many().unicast().onBackpressureBuffer();
    private final BlockingQueue<String> in = new LinkedTransferQueue<>();
    private final Disposable connection;
    private final String language;
    private int asked;

    ScreeningProbe(HttpClient.WebsocketSender client, String url, String visitorId, String language) {
        this.language = language;
        connection = client.uri(url).handle((inbound, outbound) -> {
            inbound.receive().asString().subscribe(in::add, e -> {
            });
            return outbound.sendString(out.asFlux());
        }).subscribe(ignored -> {
        }, e -> {
        });
        send("{\"type\":\"hello\",\"visitorId\":\"" + visitorId + "\",\"language\":\"" + language + "\"}");
        await("welcome", null);
    }

    String ask(Question question, Questions questions) {
        if (asked++ > 0) {
            send("{\"type\":\"new_conversation\",\"language\":\"" + language + "\"}");
            if (await("welcome", null) == null) {
                return "no welcome";
            }
        }
        send("{\"type\":\"message\",\"text\":" + question.jsonText() + ",\"clientMessageId\":\"screen\"}");
        Frame reply = await("message", "bot");
        if (reply == null) {
            return "no reply";
        }
        ReplyKind kind = questions.classify(question, reply.text);
        return switch (kind) {
            case ANSWER -> "answer";
            case ANSWER_OTHER_LANGUAGE -> "the right answer in another language: " + questions.describeAnswer(reply.text);
            case OTHER_INTENT -> "another intent's answer: " + questions.describeAnswer(reply.text);
            case OTHER -> "other reply: " + abbreviate(reply.text);
        };
    }

    private synchronized void send(String frame) {
        out.tryEmitNext(frame);
    }

    /** The next frame of {@code type} (and, for messages, from {@code from}); null after the patience runs out. */
    private Frame await(String type, String from) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String text = in.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                if (text == null) {
                    return null;
                }
                Frame frame = LoadJson.parse(text);
                if (type.equals(frame.type) && (from == null || from.equals(frame.from))) {
                    return frame;
                }
                if ("error".equals(frame.type)) {
                    throw new IllegalStateException("the server refused a frame: " + text);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "(no text)";
        }
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    @Override
    public void close() {
        out.tryEmitComplete();
        connection.dispose();
    }
}
