package dev.baton.app.channel.telegram;

import dev.baton.app.channel.platform.UnreadablePayloadException;
import dev.baton.app.channel.platform.Webhooks;
import dev.baton.channel.ChannelAddress;
import dev.baton.channel.ChannelMessage;
import dev.baton.channel.ChannelVisitors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code POST /channels/telegram/webhook}: the Bot API's updates. Only a request with the secret token set with the
 * webhook is read; a text message or a pressed button goes to {@link ChannelVisitors}, once per {@code update_id}.
 */
final class TelegramWebhook {

    static final String PATH = "/channels/telegram/webhook";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);

    private final byte[] secret;
    private final ChannelVisitors visitors;
    private final TelegramBotApi api;
    private final Webhooks webhooks;

    TelegramWebhook(String secret, ChannelVisitors visitors, TelegramBotApi api, Webhooks webhooks) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.visitors = visitors;
        this.api = api;
        this.webhooks = webhooks;
    }

    Mono<ServerResponse> handle(ServerRequest request) {
        String sent = request.headers().firstHeader(SECRET_HEADER);
        // In constant time, so that the secret cannot be guessed byte by byte from how long refusals take.
        if (sent == null || !MessageDigest.isEqual(secret, sent.getBytes(StandardCharsets.UTF_8))) {
            return webhooks.refuse(HttpStatus.UNAUTHORIZED, "bad_secret_token",
                    "the request does not carry the webhook's secret token in " + SECRET_HEADER);
        }
        return webhooks.body(request)
                .map(body -> webhooks.read(body, TelegramUpdate.class))
                .flatMap(this::dispatch)
                .onErrorResume(failure -> webhooks.answer(Mono.error(failure)));
    }

    private Mono<ServerResponse> dispatch(TelegramUpdate update) {
        if (update.updateId() == null) {
            throw new UnreadablePayloadException("the update has no update_id");
        }
        String deliveryId = update.updateId().toString();
        if (update.message() != null && update.message().text() != null && update.message().chat() != null) {
            TelegramUpdate.Message message = update.message();
            return webhooks.answer(visitors.receive(new ChannelMessage(address(message.chat()), deliveryId, message.text(),
                    Optional.empty(), language(message.from()))));
        }
        TelegramUpdate.CallbackQuery pressed = update.callbackQuery();
        if (pressed != null && pressed.data() != null && pressed.message() != null && pressed.message().chat() != null) {
            Mono<Boolean> handled = visitors.receive(new ChannelMessage(address(pressed.message().chat()), deliveryId,
                    pressed.data(), Optional.of(pressed.data()), language(pressed.from())));
            return webhooks.answer(handled.doOnSuccess(done -> acknowledge(pressed)));
        }
        return webhooks.ignored(update.message() != null ? "a message without text" : "an update that is neither a message nor a pressed button");
    }

    /** Stops the button's spinner; on its own, since the visitor's message is handled whether or not this works. */
    private void acknowledge(TelegramUpdate.CallbackQuery pressed) {
        api.answerCallback(pressed.id())
                .subscribe(null, failure -> log.warn("Could not acknowledge a pressed Telegram button: {}", failure.toString()));
    }

    private static ChannelAddress address(TelegramUpdate.Chat chat) {
        return new ChannelAddress(TelegramBotApi.NAME, Long.toString(chat.id()));
    }

    /** Telegram's IETF tag ({@code pt-br}) as the language Baton knows ({@code pt}). */
    private static Optional<String> language(TelegramUpdate.User from) {
        return Optional.ofNullable(from).map(TelegramUpdate.User::languageCode).filter(code -> !code.isBlank())
                .map(code -> code.split("-", 2)[0].toLowerCase(java.util.Locale.ROOT));
    }
}
