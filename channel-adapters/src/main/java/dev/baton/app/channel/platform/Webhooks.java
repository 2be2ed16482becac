package dev.baton.app.channel.platform;

import dev.baton.channel.UnknownChoiceException;
import dev.baton.engine.InvalidTextException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * What every channel's webhook shares: reading a payload (bounded by the server's codec limit) and answering it. A
 * payload that fails verification, cannot be read or names nothing known is answered with a clear status and error
 * code and logged with the reason only, never its content; a failure of ours is a 500, which platforms deliver again.
 */
public final class Webhooks {

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    private final String platform;
    private final ObjectMapper json;

    public Webhooks(String platform, ObjectMapper json) {
        this.platform = platform;
        this.json = json;
    }

    /** The raw body; empty bytes for none. Errors with an oversized body's {@link DataBufferLimitException}. */
    public Mono<byte[]> body(ServerRequest request) {
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]);
    }

    /** {@code body} read as {@code type}; {@link UnreadablePayloadException} if it is not JSON of that shape. */
    public <T> T read(byte[] body, Class<T> type) {
        try {
            T read = json.readValue(body, type);
            if (read == null) {
                throw new UnreadablePayloadException("the body is empty");
            }
            return read;
        } catch (JacksonException unreadable) {
            throw new UnreadablePayloadException("the body is not a " + platform + " payload (" + unreadable.getClass().getSimpleName() + ")");
        }
    }

    /** Refuses the request and logs why (never what it carried). */
    public Mono<ServerResponse> refuse(HttpStatus status, String code, String reason) {
        log.warn("{} webhook refused with {} {}: {}", platform, status.value(), code, reason);
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("error", code, "message", reason));
    }

    /** Answers a payload whose handling is {@code handled}: true if handled now, false if it had been before. */
    public Mono<ServerResponse> answer(Mono<Boolean> handled) {
        return handled
                .flatMap(now -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("handled", true, "duplicate", !now)))
                .onErrorResume(this::refusal);
    }

    /** A payload that is valid but asks for nothing Baton does (a sticker, an edit, a delivery receipt). */
    public Mono<ServerResponse> ignored(String what) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("handled", false, "ignored", what));
    }

    private Mono<ServerResponse> refusal(Throwable failure) {
        if (failure instanceof UnreadablePayloadException unreadable) {
            return refuse(HttpStatus.BAD_REQUEST, "unreadable_payload", unreadable.getMessage());
        }
        if (failure instanceof DataBufferLimitException) {
            return refuse(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", "the body is larger than this server reads");
        }
        if (failure instanceof UnknownChoiceException unknown) {
            return refuse(HttpStatus.UNPROCESSABLE_CONTENT, "unknown_choice", unknown.getMessage());
        }
        if (failure instanceof InvalidTextException invalid) {
            return refuse(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_text", invalid.getMessage());
        }
        log.error("{} webhook failed; the platform will deliver it again: {}", platform, failure.toString());
        return ServerResponse.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("error", "failed", "message", "the payload could not be handled now; deliver it again"));
    }
}
