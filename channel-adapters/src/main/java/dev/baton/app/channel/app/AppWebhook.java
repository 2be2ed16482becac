package dev.baton.app.channel.app;

import dev.baton.app.channel.platform.UnreadablePayloadException;
import dev.baton.app.channel.platform.Webhooks;
import dev.baton.app.webhooks.WebhookSignature;
import dev.baton.channel.ChannelAddress;
import dev.baton.channel.ChannelMessage;
import dev.baton.channel.ChannelVisitors;
import dev.baton.customers.Contact;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /channels/app/webhook}: the app's users' messages. Only a message signed with the shared secret
 * ({@link WebhookSignature}) within {@code maxAge} of now is read — an older one is a replay — and each message id
 * is handled once, however often it is posted.
 */
final class AppWebhook {

    static final String PATH = "/channels/app/webhook";

    private final AppChannelSettings settings;
    private final ChannelVisitors visitors;
    private final Webhooks webhooks;
    private final Clock clock;

    AppWebhook(AppChannelSettings settings, ChannelVisitors visitors, Webhooks webhooks, Clock clock) {
        this.settings = settings;
        this.visitors = visitors;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    Mono<ServerResponse> handle(ServerRequest request) {
        String signature = request.headers().firstHeader(WebhookSignature.HEADER);
        return webhooks.body(request)
                .flatMap(body -> {
                    Optional<Instant> signedAt = WebhookSignature.signedAt(signature, settings.secret(), body);
                    if (signedAt.isEmpty()) {
                        return webhooks.refuse(HttpStatus.UNAUTHORIZED, "bad_signature",
                                "the body is not signed with the channel's secret in " + WebhookSignature.HEADER);
                    }
                    if (Duration.between(signedAt.get(), clock.instant()).abs().compareTo(settings.maxAge()) > 0) {
                        return webhooks.refuse(HttpStatus.UNAUTHORIZED, "stale_signature", "the message was signed at "
                                + signedAt.get() + ", more than " + settings.maxAge().toMinutes() + " minutes from now: a replay, or a clock that is off");
                    }
                    return webhooks.answer(visitors.receive(message(webhooks.read(body, AppMessage.class))));
                })
                .onErrorResume(failure -> webhooks.answer(Mono.error(failure)));
    }

    /** What the app vouches for, signed with the shared secret like the rest of the message: no visitor can forge it. */
    private static List<Contact> verified(AppMessage posted) {
        List<Contact> verified = new ArrayList<>();
        try {
            Optional.ofNullable(posted.verifiedEmail()).map(Contact::email).ifPresent(verified::add);
        } catch (IllegalArgumentException notAnEmail) {
            throw new UnreadablePayloadException("\"verifiedEmail\" is not an email address");
        }
        try {
            Optional.ofNullable(posted.verifiedPhone()).map(Contact::phone).ifPresent(verified::add);
        } catch (IllegalArgumentException notAPhone) {
            throw new UnreadablePayloadException("\"verifiedPhone\" is not a phone number");
        }
        return verified;
    }

    private static ChannelMessage message(AppMessage posted) {
        if (posted.id() == null || posted.id().isBlank() || posted.id().length() > 128) {
            throw new UnreadablePayloadException("the message needs an \"id\" of 1 to 128 characters");
        }
        if (posted.text() == null) {
            throw new UnreadablePayloadException("the message needs a \"text\"");
        }
        ChannelAddress from;
        try {
            from = new ChannelAddress(AppApi.NAME, posted.user() == null ? "" : posted.user());
        } catch (IllegalArgumentException badUser) {
            throw new UnreadablePayloadException("\"user\" must be 1 to 128 of A-Z, a-z, 0-9 and _ . + @ -");
        }
        return new ChannelMessage(from, posted.id(), posted.text(), Optional.ofNullable(posted.choice()),
                Optional.ofNullable(posted.language()).filter(l -> l.matches("[a-z]{2,3}")), verified(posted));
    }
}
