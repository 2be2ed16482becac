package dev.baton.app.trainer;

import dev.baton.app.config.BatonProperties;
import dev.baton.engine.BotKnowledge;
import dev.baton.engine.LiveKnowledge;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.intents.InvalidIntentDatabaseException;
import dev.baton.training.TrainerWorkspace;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The bot trainers' HTTP API: reload the intent files after editing them, without restarting anything; the new
 * database is published to every node of the installation. A broken database is refused with every problem listed,
 * and every node keeps answering from the old one. A reload is recorded as a new version, with who asked for it.
 */
@Configuration(proxyBeanMethods = false)
class TrainerApi {

    @Bean
    RouterFunction<ServerResponse> trainerRoutes(LiveKnowledge knowledge, TrainerWorkspace workspace, BatonProperties properties) {
        return route()
                .GET("/api/trainer/knowledge", request -> ServerResponse.ok().bodyValue(describe(knowledge, knowledge.get(), null)))
                .POST("/api/trainer/reload", request -> {
                    long started = System.nanoTime();
                    return request.principal().map(Principal::getName)
                            .flatMap(who -> workspace.reload(who, () -> IntentDatabaseLoader.load(properties.intents())))
                            .flatMap(loaded -> ServerResponse.ok().bodyValue(describe(knowledge, loaded, (System.nanoTime() - started) / 1_000_000)))
                            .onErrorResume(InvalidIntentDatabaseException.class, invalid -> ServerResponse
                                    .status(HttpStatus.UNPROCESSABLE_CONTENT)
                                    .bodyValue(Map.of("error", "invalid_intents",
                                            "message", "the intent files have problems; the bot keeps answering from " + knowledge.get().intents().version(),
                                            "problems", invalid.problems())))
                            .onErrorResume(LiveKnowledge.NotPublishedException.class, unpublished -> ServerResponse
                                    .status(HttpStatus.SERVICE_UNAVAILABLE)
                                    .bodyValue(Map.of("error", "not_published", "message", unpublished.getMessage())))
                            .onErrorResume(failure -> ServerResponse.status(HttpStatus.INTERNAL_SERVER_ERROR)
                                    .bodyValue(Map.of("error", "training_failed",
                                            "message", "training failed (" + failure.getMessage() + "); the bot keeps answering from "
                                                    + knowledge.get().intents().version())));
                })
                .build();
    }

    private static Map<String, Object> describe(LiveKnowledge live, BotKnowledge knowledge, Long reloadMillis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", knowledge.intents().version());
        body.put("publishedVersion", live.publishedVersion());
        body.put("intents", knowledge.intents().size());
        body.put("languages", knowledge.intents().languages());
        body.put("confidenceFloor", Math.round(knowledge.confidenceFloor() * 1000) / 1000.0);
        if (reloadMillis != null) {
            body.put("reloadMillis", reloadMillis);
        }
        return body;
    }
}
