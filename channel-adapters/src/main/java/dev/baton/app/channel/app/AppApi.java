package dev.baton.app.channel.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.baton.app.channel.platform.PlatformRequests;
import dev.baton.app.webhooks.WebhookSignature;
import dev.baton.channel.Choices;
import dev.baton.channel.OutputChannel;
import dev.baton.channel.Reply;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Replies to the app's users, posted to its callback URL as JSON and signed like everything Baton signs
 * ({@link WebhookSignature}, re-signed at each attempt); choices go as {@code {key, label}} pairs the app shows as
 * buttons and sends back as a message's {@code choice}.
 */
final class AppApi implements OutputChannel {

    static final String NAME = "app";

    private final PlatformRequests requests;
    private final AppChannelSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    AppApi(AppChannelSettings settings, Duration timeout, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.requests = new PlatformRequests(settings.callbackUrl().toString(), settings.title(), timeout, body -> Optional.empty());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return settings.title();
    }

    @Override
    public Mono<Void> sendText(String address, String text) {
        return post(new Outgoing(address, null, text, List.of()));
    }

    @Override
    public Mono<Void> send(Reply reply) {
        List<Choice> choices = IntStream.range(0, reply.choices().size())
                .mapToObj(i -> new Choice(Choices.key(reply.messageId(), i), reply.choices().get(i).label()))
                .toList();
        return post(new Outgoing(reply.to().address(), reply.messageId(), reply.text(), choices));
    }

    private Mono<Void> post(Outgoing outgoing) {
        return Mono.defer(() -> {
            byte[] body = json.writeValueAsBytes(outgoing);
            HttpHeaders headers = new HttpHeaders();
            headers.set(WebhookSignature.HEADER, WebhookSignature.sign(settings.secret(), clock.instant().getEpochSecond(), body));
            return requests.post("", body, headers);
        });
    }

    /**
     * A reply as the app receives it.
     *
     * @param messageId the reply's id in the conversation (absent for a notice outside the transcript)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Outgoing(String to, Long messageId, String text, List<Choice> choices) {
    }

    record Choice(String key, String label) {
    }
}
