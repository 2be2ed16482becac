package dev.baton.app.channel.whatsapp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.baton.app.channel.platform.PlatformRequests;
import dev.baton.channel.Choices;
import dev.baton.channel.DeliveryFailedException;
import dev.baton.channel.OutputChannel;
import dev.baton.channel.Reply;
import dev.baton.conversation.QuickReply;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * WhatsApp's Cloud API: messages out from the business phone number ({@code POST /<phone number id>/messages}). Quick
 * replies are reply buttons (at most three), a list (up to ten) or, beyond, numbered options. Outside the customer-care
 * window — more than 24 hours after the customer last wrote — WhatsApp takes only pre-approved templates, so a send is
 * refused before it is tried, saying so (the agents read it in the transcript).
 */
final class WhatsAppCloudApi implements OutputChannel {

    static final String NAME = "whatsapp";

    private static final int MAX_BUTTONS = 3;
    private static final int MAX_ROWS = 10;
    private static final int MAX_BUTTON_TITLE = 20;
    private static final int MAX_ROW_TITLE = 24;
    private static final int MAX_INTERACTIVE_BODY = 1024;

    private final PlatformRequests requests;
    private final String messagesPath;
    private final HttpHeaders authorization = new HttpHeaders();
    private final Duration window;
    private final Clock clock;

    WhatsAppCloudApi(WhatsAppSettings settings, Duration timeout, ObjectMapper json, Clock clock) {
        this.requests = new PlatformRequests(settings.apiUrl(), "WhatsApp", timeout, body -> description(json, body));
        this.messagesPath = "/" + settings.phoneNumberId() + "/messages";
        this.authorization.setBearerAuth(settings.accessToken());
        this.window = settings.customerCareWindow();
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "WhatsApp";
    }

    @Override
    public Mono<Void> sendText(String address, String text) {
        return requests.post(messagesPath, new TextMessage(address, new Text(text)), authorization);
    }

    @Override
    public Mono<Void> send(Reply reply) {
        Instant now = clock.instant();
        if (reply.visitorLastWrote().map(at -> at.plus(window).isBefore(now)).orElse(true)) {
            return Mono.error(new DeliveryFailedException("outside WhatsApp's 24-hour customer-care window ("
                    + reply.visitorLastWrote().map(at -> "the customer last wrote at " + at).orElse("the customer never wrote")
                    + "); WhatsApp takes only template messages until the customer writes again", false, Optional.empty()));
        }
        List<QuickReply> choices = reply.choices();
        String address = reply.to().address();
        if (choices.isEmpty() || choices.size() > MAX_ROWS || reply.text().length() > MAX_INTERACTIVE_BODY) {
            return OutputChannel.super.send(reply);
        }
        Interactive interactive = choices.size() <= MAX_BUTTONS
                ? Interactive.buttons(reply.text(), IntStream.range(0, choices.size())
                        .mapToObj(i -> new Button(new ButtonReply(Choices.key(reply.messageId(), i), cut(choices.get(i).label(), MAX_BUTTON_TITLE))))
                        .toList())
                : Interactive.list(reply.text(), IntStream.range(0, choices.size())
                        .mapToObj(i -> new Row(Choices.key(reply.messageId(), i), cut(choices.get(i).label(), MAX_ROW_TITLE)))
                        .toList());
        return requests.post(messagesPath, new InteractiveMessage(address, interactive), authorization);
    }

    /** WhatsApp refuses titles over its limits; the button's id, not its title, says what was chosen. */
    private static String cut(String label, int max) {
        return label.length() <= max ? label : label.substring(0, max - 1) + "…";
    }

    /** The Graph API's errors say why in {@code error.message}. */
    private static Optional<String> description(ObjectMapper json, String body) {
        try {
            JsonNode message = json.readTree(body).path("error").path("message");
            return message.isString() ? Optional.of(message.stringValue()) : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    record TextMessage(@JsonProperty("messaging_product") String messagingProduct, @JsonProperty("recipient_type") String recipientType,
                       String to, String type, Text text) {
        TextMessage(String to, Text text) {
            this("whatsapp", "individual", to, "text", text);
        }
    }

    record Text(@JsonProperty("preview_url") boolean previewUrl, String body) {
        Text(String body) {
            this(false, body);
        }
    }

    record InteractiveMessage(@JsonProperty("messaging_product") String messagingProduct, @JsonProperty("recipient_type") String recipientType,
                              String to, String type, Interactive interactive) {
        InteractiveMessage(String to, Interactive interactive) {
            this("whatsapp", "individual", to, "interactive", interactive);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Interactive(String type, Body body, Action action) {
        static Interactive buttons(String text, List<Button> buttons) {
            return new Interactive("button", new Body(text), new Action(buttons, null, null));
        }

        static Interactive list(String text, List<Row> rows) {
            return new Interactive("list", new Body(text), new Action(null, "Options", List.of(new Section("Options", rows))));
        }
    }

    record Body(String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Action(List<Button> buttons, String button, List<Section> sections) {
    }

    record Button(String type, ButtonReply reply) {
        Button(ButtonReply reply) {
            this("reply", reply);
        }
    }

    record ButtonReply(String id, String title) {
    }

    record Section(String title, List<Row> rows) {
    }

    record Row(String id, String title) {
    }
}
