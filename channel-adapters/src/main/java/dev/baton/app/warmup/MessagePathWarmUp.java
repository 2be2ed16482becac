package dev.baton.app.warmup;

import dev.baton.app.wire.ConversationFeeds;
import dev.baton.app.wire.InboundFrame;
import dev.baton.app.wire.OutboundFrame;
import dev.baton.app.wire.OutboundFrames;
import dev.baton.engine.BotKnowledge;
import dev.baton.engine.ConversationEngine;
import dev.baton.engine.VisitorMessage;
import dev.baton.events.ConversationEvent;
import dev.baton.intents.IntentDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Before the node reports ready, sends many visitor messages down the path a real one takes — the client's frame
 * read, language, understanding and decision, the message and its answer stored, each pushed to the conversation's
 * socket feed and written as a frame — on a throwaway engine of its own. Spring Boot declares a node ready only
 * once its {@link ApplicationRunner}s are done, so an orchestrator (and {@code /actuator/health}, {@code
 * OUT_OF_SERVICE} until then) sends the first visitors to code the JIT compiler has already compiled.
 *
 * <p>Why: on the project's 2-core machine a fresh node offered 2,500 msg/s by {@code docs/bench/load.sh cold-only}
 * (in memory, the generator on the same cores) answered with p99 0.66–2.1 s (six runs, median 1.1 s) and fell up to
 * 10 s behind, while warm it held p99 under 100 ms: the compiler threads and the early, slower code took the CPU the
 * messages needed. After this rehearsal (60,000 turns, 8.6–9.3 s) p99 was 118, 200, 211 and 261 ms, and 1.4 s once
 * (five runs; the build before issue 10, with a lighter message path and no rehearsal: 108, 249, 715 ms). The
 * engine alone rehearsed did about half as well (30,000 turns: 667 ms); the rest was the frames and socket feeds,
 * rehearsed here too, as the profile of the cold node showed (docs/benchmarks.md).
 *
 * <p>The rehearsal asks a few things a visitor says that no intent covers (a request for a person, words the bot does
 * not know) and every example of every intent, in every language, five to a conversation. It stops after
 * {@code turns} or {@code maxDuration}, whichever comes first. Nothing of it reaches the node's stores, metrics,
 * logs, trainer inbox or webhooks (see the {@link Rig} it is given); a failure is logged and the node starts
 * without it. What it did is the node's {@code baton.warm-up.messages} and {@code baton.warm-up.duration} gauges.
 */
public final class MessagePathWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MessagePathWarmUp.class);

    static final int TURNS_PER_CONVERSATION = 5;
    /** Enough to keep a core busy while the in-memory engine waits for nothing. */
    private static final int CONVERSATIONS_AT_ONCE = 32;
    /** What a visitor says that no intent answers: a person asked for, and words the bot cannot place. */
    static final List<String> UNCOVERED = List.of("I want to talk to a person", "voglio parlare con un operatore",
            "quorble the fnord before wednesday");
    /** Past {@code maxDuration} no new conversation starts; this is how long the ones under way may take to end. */
    private static final Duration FINISHING = Duration.ofSeconds(10);

    /** A throwaway engine and the feed that pushes its conversations' messages to sockets; closed after the rehearsal. */
    public record Rig(ConversationEngine engine, ConversationFeeds feeds, Runnable closer) implements AutoCloseable {

        @Override
        public void close() {
            closer.run();
        }
    }

    private final int turns;
    private final Duration maxDuration;
    private final Supplier<BotKnowledge> knowledge;
    private final OutboundFrames frames;
    private final ObjectMapper mapper;
    private final Supplier<Rig> rigs;
    private final AtomicInteger rehearsed = new AtomicInteger();
    private final AtomicLong tookNanos = new AtomicLong();

    /**
     * @param turns  visitor messages rehearsed at most; 0: none
     * @param frames the node's frame writer (it keeps nothing)
     * @param mapper writes and reads the client's frames, as a client and the node do
     * @param rigs   makes the throwaway engine, when the rehearsal starts; it is dropped when it ends
     * @param meters where the rehearsal's size and length are reported
     */
    public MessagePathWarmUp(int turns, Duration maxDuration, Supplier<BotKnowledge> knowledge, OutboundFrames frames,
                             ObjectMapper mapper, Supplier<Rig> rigs, MeterRegistry meters) {
        this.turns = turns;
        this.maxDuration = Objects.requireNonNull(maxDuration, "maxDuration");
        this.knowledge = knowledge;
        this.frames = frames;
        this.mapper = mapper;
        this.rigs = rigs;
        Gauge.builder("baton.warm-up.messages", rehearsed, AtomicInteger::get)
                .description("visitor messages rehearsed before the node reported ready").register(meters);
        TimeGauge.builder("baton.warm-up.duration", tookNanos, TimeUnit.NANOSECONDS, AtomicLong::get)
                .description("how long the rehearsal held readiness back").register(meters);
    }

    /** Rehearses, then logs how much and how long. */
    @Override
    public void run(ApplicationArguments args) {
        if (turns == 0) {
            return;
        }
        List<String> questions = questions(knowledge.get().intents());
        long started = System.nanoTime();
        long deadline = started + maxDuration.toNanos();
        try (Rig rig = rigs.get()) {
            Flux.range(0, (turns + TURNS_PER_CONVERSATION - 1) / TURNS_PER_CONVERSATION)
                    .takeWhile(n -> System.nanoTime() < deadline)
                    .flatMap(n -> converse(rig, n, questions), CONVERSATIONS_AT_ONCE)
                    .then()
                    .block(maxDuration.plus(FINISHING));
            tookNanos.set(System.nanoTime() - started);
            log.info("Warmed up before taking traffic: {} visitor messages through a throwaway engine in {} ms",
                    rehearsed.get(), TimeUnit.NANOSECONDS.toMillis(tookNanos.get()));
        } catch (RuntimeException e) {
            log.warn("The warm-up failed after {} visitor messages; taking traffic without it: {}", rehearsed.get(), e.toString());
        }
    }

    /**
     * {@link #UNCOVERED} first (so that even a short rehearsal hands off and fails to understand), then every example
     * of every intent in every language, taken in turn across intents and languages.
     */
    static List<String> questions(IntentDatabase intents) {
        List<List<String>> examples = intents.intents().stream()
                .flatMap(intent -> intent.examples().values().stream())
                .toList();
        List<String> questions = new ArrayList<>(UNCOVERED);
        int longest = examples.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<String> someExamples : examples) {
                if (i < someExamples.size()) {
                    questions.add(someExamples.get(i));
                }
            }
        }
        return List.copyOf(questions);
    }

    private Mono<Void> converse(Rig rig, int n, List<String> questions) {
        String visitorId = "warm-up-" + n;
        return rig.engine().open(visitorId, Optional.empty(), Optional.empty()).flatMap(opened -> {
            String conversationId = opened.conversation().id();
            Disposable pushed = rig.feeds().observe(conversationId)
                    .ofType(ConversationEvent.MessageAdded.class)
                    .subscribe(added -> frames.write(OutboundFrame.MessageFrame.of(added.message())));
            return Flux.range(0, TURNS_PER_CONVERSATION)
                    .concatMap(q -> say(rig, conversationId, visitorId,
                            questions.get((n * TURNS_PER_CONVERSATION + q) % questions.size())))
                    .doOnNext(received -> rehearsed.incrementAndGet())
                    .doFinally(signal -> pushed.dispose())
                    .then();
        });
    }

    /** The visitor's words as a client's {@code message} frame, read as the node reads one, then handled. */
    private Mono<ConversationEngine.Received> say(Rig rig, String conversationId, String visitorId, String text) {
        InboundFrame frame = InboundFrame.parse(mapper, mapper.writeValueAsString(
                Map.of("type", "message", "conversationId", conversationId, "text", text)));
        return rig.engine().handle(new VisitorMessage(frame.requiredConversationId(), visitorId, frame.requiredText("text"),
                Optional.empty(), Optional.empty(), Optional.empty()));
    }
}
