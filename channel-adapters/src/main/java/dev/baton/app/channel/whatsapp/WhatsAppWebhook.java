package dev.baton.app.channel.whatsapp;

import dev.baton.app.channel.platform.UnreadablePayloadException;
import dev.baton.app.channel.platform.Webhooks;
import dev.baton.channel.ChannelAddress;
import dev.baton.channel.ChannelMessage;
import dev.baton.channel.ChannelVisitors;
import dev.baton.customers.Contact;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /channels/whatsapp/webhook}: the Cloud API's webhook. {@code GET} is Meta's verification handshake;
 * {@code POST} a delivery, read only if its {@code X-Hub-Signature-256} is the HMAC-SHA256 of its raw body under the
 * app secret. Text messages and chosen reply buttons or list rows of the configured phone number go to
 * {@link ChannelVisitors}, once per message id.
 */
final class WhatsAppWebhook {

    static final String PATH = "/channels/whatsapp/webhook";
    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    private static final String SIGNATURE_PREFIX = "sha256=";

    private final byte[] appSecret;
    private final byte[] verifyToken;
    private final String phoneNumberId;
    private final ChannelVisitors visitors;
    private final Webhooks webhooks;

    WhatsAppWebhook(WhatsAppSettings settings, ChannelVisitors visitors, Webhooks webhooks) {
        this.appSecret = settings.appSecret().getBytes(StandardCharsets.UTF_8);
        this.verifyToken = settings.verifyToken().getBytes(StandardCharsets.UTF_8);
        this.phoneNumberId = settings.phoneNumberId();
        this.visitors = visitors;
        this.webhooks = webhooks;
    }

    /** Meta checks the webhook is ours: {@code hub.mode=subscribe}, our verify token, and the challenge echoed. */
    Mono<ServerResponse> verify(ServerRequest request) {
        Optional<String> challenge = request.queryParam("hub.challenge");
        boolean subscribing = request.queryParam("hub.mode").filter("subscribe"::equals).isPresent();
        boolean ours = request.queryParam("hub.verify_token")
                .filter(token -> MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8)))
                .isPresent();
        if (!subscribing || !ours || challenge.isEmpty()) {
            return webhooks.refuse(HttpStatus.FORBIDDEN, "verification_refused",
                    "a verification needs hub.mode=subscribe, the configured verify token and a hub.challenge");
        }
        return ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(challenge.get());
    }

    Mono<ServerResponse> deliver(ServerRequest request) {
        String signature = request.headers().firstHeader(SIGNATURE_HEADER);
        return webhooks.body(request)
                .flatMap(body -> {
                    if (!signedByMeta(body, signature)) {
                        return webhooks.refuse(HttpStatus.UNAUTHORIZED, "bad_signature",
                                SIGNATURE_HEADER + " is missing or is not the HMAC-SHA256 of the body under the app secret");
                    }
                    return dispatch(webhooks.read(body, WhatsAppDelivery.class));
                })
                .onErrorResume(failure -> webhooks.answer(Mono.error(failure)));
    }

    private boolean signedByMeta(byte[] body, String signature) {
        if (signature == null || !signature.startsWith(SIGNATURE_PREFIX)) {
            return false;
        }
        byte[] sent;
        try {
            sent = HexFormat.of().parseHex(signature.substring(SIGNATURE_PREFIX.length()));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret, "HmacSHA256"));
            // In constant time, so that a signature cannot be found byte by byte from how long refusals take.
            return MessageDigest.isEqual(mac.doFinal(body), sent);
        } catch (GeneralSecurityException noHmac) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", noHmac);
        }
    }

    private Mono<ServerResponse> dispatch(WhatsAppDelivery delivery) {
        if (!"whatsapp_business_account".equals(delivery.object()) || delivery.entry() == null) {
            throw new UnreadablePayloadException("the body is not a WhatsApp Business Account delivery");
        }
        List<WhatsAppDelivery.Value> values = delivery.entry().stream()
                .filter(Objects::nonNull)
                .flatMap(entry -> Optional.ofNullable(entry.changes()).orElse(List.of()).stream())
                .filter(change -> change != null && change.value() != null)
                .map(WhatsAppDelivery.Change::value)
                .toList();
        Optional<String> stranger = values.stream().map(WhatsAppDelivery.Value::metadata)
                .filter(metadata -> metadata == null || !phoneNumberId.equals(metadata.phoneNumberId()))
                .map(metadata -> metadata == null ? "no phone number" : "another phone number's")
                .findFirst();
        if (stranger.isPresent()) {
            return webhooks.refuse(HttpStatus.UNPROCESSABLE_CONTENT, "unknown_phone_number",
                    "the delivery is for " + stranger.get() + " id, not the configured one");
        }
        List<ChannelMessage> messages = values.stream()
                .flatMap(value -> Optional.ofNullable(value.messages()).orElse(List.of()).stream())
                .map(this::read)
                .flatMap(Optional::stream)
                .toList();
        if (messages.isEmpty()) {
            return webhooks.ignored("no text message or chosen reply (a status, or another kind of message)");
        }
        // One at a time, in order: two messages of one customer go to their conversation in the order written.
        return webhooks.answer(Flux.fromIterable(messages).concatMap(visitors::receive).all(Boolean::booleanValue));
    }

    private Optional<ChannelMessage> read(WhatsAppDelivery.Message message) {
        if (message.from() == null || message.id() == null) {
            throw new UnreadablePayloadException("a message without its sender or id");
        }
        ChannelAddress from;
        try {
            from = new ChannelAddress(WhatsAppCloudApi.NAME, message.from());
        } catch (IllegalArgumentException notAPhoneNumber) {
            throw new UnreadablePayloadException("a message from something that is not a WhatsApp id");
        }
        // WhatsApp vouches for the number a message comes from: it is the customer's, verified by the platform.
        List<Contact> verified = phoneNumber(message.from()).stream().toList();
        if ("text".equals(message.type()) && message.text() != null && message.text().body() != null) {
            return Optional.of(new ChannelMessage(from, message.id(), message.text().body(), Optional.empty(), Optional.empty(), verified));
        }
        if ("interactive".equals(message.type()) && message.interactive() != null) {
            WhatsAppDelivery.Choice chosen = message.interactive().buttonReply() != null
                    ? message.interactive().buttonReply() : message.interactive().listReply();
            if (chosen != null && chosen.id() != null) {
                return Optional.of(new ChannelMessage(from, message.id(), Optional.ofNullable(chosen.title()).orElse(chosen.id()),
                        Optional.of(chosen.id()), Optional.empty(), verified));
            }
        }
        return Optional.empty();
    }

    /** The sender's WhatsApp id is their phone number in international form, digits only; empty for anything else. */
    private static Optional<Contact> phoneNumber(String waId) {
        try {
            return waId.chars().allMatch(Character::isDigit) ? Optional.of(Contact.phone("+" + waId)) : Optional.empty();
        } catch (IllegalArgumentException tooShort) {
            return Optional.empty();
        }
    }
}
