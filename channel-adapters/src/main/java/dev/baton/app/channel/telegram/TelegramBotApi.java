package dev.baton.app.channel.telegram;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.baton.app.channel.platform.PlatformRequests;
import dev.baton.channel.Choices;
import dev.baton.channel.OutputChannel;
import dev.baton.channel.Reply;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Telegram's Bot API: messages out ({@code sendMessage}, quick replies as an inline keyboard whose buttons carry their
 * {@link Choices#key}), a pressed button acknowledged ({@code answerCallbackQuery}) and the webhook registered
 * ({@code setWebhook}).
 */
final class TelegramBotApi implements OutputChannel {

    static final String NAME = "telegram";

    private final PlatformRequests requests;
    private final String botPath;

    TelegramBotApi(TelegramSettings settings, Duration timeout, ObjectMapper json) {
        this.requests = new PlatformRequests(settings.apiUrl(), "Telegram", timeout, body -> description(json, body));
        this.botPath = "/bot" + settings.botToken() + "/";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Telegram";
    }

    @Override
    public Mono<Void> sendText(String address, String text) {
        return requests.post(botPath + "sendMessage", new SendMessage(address, text, null), HttpHeaders.EMPTY);
    }

    /** Quick replies as an inline keyboard, one button per row (labels are sentences, too long to sit side by side). */
    @Override
    public Mono<Void> send(Reply reply) {
        if (reply.choices().isEmpty()) {
            return sendText(reply.to().address(), reply.text());
        }
        List<List<Button>> rows = IntStream.range(0, reply.choices().size())
                .mapToObj(i -> List.of(new Button(reply.choices().get(i).label(), Choices.key(reply.messageId(), i))))
                .toList();
        return requests.post(botPath + "sendMessage", new SendMessage(reply.to().address(), reply.text(), new Keyboard(rows)),
                HttpHeaders.EMPTY);
    }

    /** Stops the pressed button's spinner in the visitor's app. */
    Mono<Void> answerCallback(String callbackQueryId) {
        return requests.post(botPath + "answerCallbackQuery", new AnswerCallback(callbackQueryId), HttpHeaders.EMPTY);
    }

    /** Asks Telegram to post the bot's updates (messages and pressed buttons only) to {@code url}, with {@code secret}. */
    Mono<Void> setWebhook(String url, String secret) {
        return requests.post(botPath + "setWebhook", new SetWebhook(url, secret, List.of("message", "callback_query")), HttpHeaders.EMPTY);
    }

    /** Telegram's error answers say why in {@code description} ("Forbidden: bot was blocked by the user"). */
    private static Optional<String> description(ObjectMapper json, String body) {
        try {
            JsonNode read = json.readTree(body);
            return read != null && read.path("description").isString() ? Optional.of(read.path("description").stringValue()) : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SendMessage(@JsonProperty("chat_id") String chatId, String text, @JsonProperty("reply_markup") Keyboard replyMarkup) {
    }

    record Keyboard(@JsonProperty("inline_keyboard") List<List<Button>> inlineKeyboard) {
    }

    record Button(String text, @JsonProperty("callback_data") String callbackData) {
    }

    record AnswerCallback(@JsonProperty("callback_query_id") String callbackQueryId) {
    }

    record SetWebhook(String url, @JsonProperty("secret_token") String secretToken,
                      @JsonProperty("allowed_updates") List<String> allowedUpdates) {
    }
}
