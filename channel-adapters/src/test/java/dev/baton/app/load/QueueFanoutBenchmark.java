package dev.baton.app.load;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The queue fan-out benchmark: many agent consoles and many waiting visitors on several Baton nodes sharing one
 * Redis, with handoffs and accepts at a steady rate. It reports the nodes' CPU per queue change and how long it
 * takes every console, and every waiting visitor, to see each change. See docs/benchmarks.md.
 *
 * <h2>How it runs</h2>
 * <ol>
 *   <li><b>Fill</b>: {@code --waiting} visitors each open a socket, ask for a person and close once they are
 *       queued, at {@code --fill-rate}. With no socket open the fill costs only the handoffs themselves.</li>
 *   <li><b>Connect</b>: the waiting visitors come back (a {@code hello} with their conversation), {@code --spare}
 *       visitors open a conversation with the bot, then {@code --agents} agents log in and open their consoles,
 *       spread over the nodes in turn.</li>
 *   <li><b>Steady</b>: open loop at {@code 2 x --rate}, alternately a spare visitor asks for a person (a handoff)
 *       and an agent accepts the longest-waiting conversation, then resolves it at once; the resolved visitor
 *       starts a fresh conversation and becomes a spare again. The queue stays about {@code --waiting} long.</li>
 * </ol>
 *
 * <h2>What it measures</h2>
 * <ul>
 *   <li><b>Console updates</b>: for every handoff or accept at time t0, each console's latency is the arrival of
 *       the first queue frame ({@code queue}, or {@code queue_update} where the server sends changes only) after
 *       which that console's queue holds the conversation (handoff) or no longer does (accept). t0 is when the
 *       visitor's message or the agent's {@code accept} was sent.</li>
 *   <li><b>Visitor updates</b>: an accept takes the head of the queue, so every other waiting visitor's position
 *       must drop by one. Each visitor's expected position is its first reported one minus the accepts sent
 *       since; its latency is the arrival of the first {@code state} frame with a position at or below the
 *       expected one. (A visitor whose first position was computed before an accept in flight expects one
 *       place too many afterwards, so its later samples are early: a small bias towards shorter latencies.)</li>
 *   <li>An update not seen within {@code --update-timeout} is <i>missed</i>; it counts in the percentiles with
 *       the timeout as its latency, so a p99 equal to the timeout means more than 1 % were missed.</li>
 *   <li><b>CPU per queue change</b>: the nodes' user+system CPU over the measured window (from {@code /proc})
 *       divided by the handoffs and accepts sent in it; Redis' CPU is reported apart.</li>
 * </ul>
 */
public final class QueueFanoutBenchmark {

    private static final long NANOS = 1_000_000_000L;
    private static final String ASK_FOR_PERSON = "I want to talk to a person";

    private final QueueFanoutOptions options;
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private final Object driver = new Object();
    private LoopResources loops;
    private HttpClient http;
    private final List<Visitor> visitors = new ArrayList<>();
    private final List<Console> consoles = new ArrayList<>();
    /** Visitors talking to the bot, ready to ask for a person. Guarded by {@link #driver}. */
    private final ArrayDeque<Visitor> spares = new ArrayDeque<>();
    /** Waiting visitors, in the order they were queued. Guarded by {@link #driver}. */
    private final ArrayDeque<Visitor> queued = new ArrayDeque<>();
    private LatencySamples consoleLatency;
    private LatencySamples visitorLatency;
    private LatencySamples ownStateLatency;
    private final LongAdder[] handoffs = {new LongAdder(), new LongAdder()};
    private final LongAdder[] accepts = {new LongAdder(), new LongAdder()};
    private static final int FILLING_AT_ONCE = 50;
    private final java.util.concurrent.Semaphore fillingSlots = new java.util.concurrent.Semaphore(FILLING_AT_ONCE);
    /** The console that accepts next: each in turn. Used by the pacer only. */
    private long acceptingConsole;
    private int consolesWithoutQueue;
    private final LongAdder skippedHandoffs = new LongAdder();
    private final LongAdder skippedAccepts = new LongAdder();
    private final LongAdder consoleMissed = new LongAdder();
    private final LongAdder visitorMissed = new LongAdder();
    private final LongAdder queueFrames = new LongAdder();
    private final LongAdder queueFrameChars = new LongAdder();
    private final LongAdder stateFrames = new LongAdder();
    private final LongAdder resolved = new LongAdder();
    private final LongAdder closedEarly = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean ending;

    QueueFanoutBenchmark(QueueFanoutOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        ReportingMain.run(args, QueueFanoutOptions::parse, options -> new QueueFanoutBenchmark(options).run());
    }

    Map<String, Object> run() {
        loops = LoopResources.create("fanout", Math.max(1, Runtime.getRuntime().availableProcessors()), true);
        http = HttpClient.create(ConnectionProvider.newConnection()).runOn(loops);
        try {
            return measure();
        } finally {
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(5));
        }
    }

    private Map<String, Object> measure() {
        double steadyRate = 2 * options.rate();
        long steadyNanos = options.warmup().toNanos() + options.duration().toNanos();
        int expectedOps = (int) Math.min(10_000_000L, (long) (steadyRate * steadyNanos / NANOS) + 1000);
        consoleLatency = new LatencySamples(expectedOps * options.agents() + 1024);
        visitorLatency = new LatencySamples((int) Math.min(100_000_000L, (long) expectedOps * options.waiting() / 2 + 1024));
        ownStateLatency = new LatencySamples(expectedOps);

        long fillStart = System.nanoTime();
        fill();
        log("filled the queue with %d visitors in %.1f s", options.waiting(), (System.nanoTime() - fillStart) / (double) NANOS);
        connectAll();

        long start = System.nanoTime();
        windowStart = start + options.warmup().toNanos();
        windowEnd = windowStart + options.duration().toNanos();
        Thread sweeper = startSweeper(start);
        Thread pacer = new Thread(() -> pace(start, steadyRate), "fanout-pacer");
        pacer.setDaemon(true);
        pacer.start();
        LoadGenerator.sleepUntil(windowStart);
        long[] cpuBefore = cpu();
        LoadGenerator.sleepUntil(windowEnd);
        long[] cpuAfter = cpu();
        joinQuietly(pacer);
        LoadGenerator.sleepUntil(windowEnd + options.updateTimeout().toNanos() + NANOS);
        ending = true;
        sweeper.interrupt();
        writeOffEverything();
        // Loaded while every console and waiting visitor is still connected: the node as busy as it was measured.
        Map<String, Object> consoleLoad = ConsoleLoadTimes.measure(options.nodes().get(0),
                login(0, options.agentPrefix() + 1), options.consoleLoads());

        double seconds = options.duration().toNanos() / (double) NANOS;
        long changes = handoffs[1].sum() + accepts[1].sum();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("target", options.target());
        report.put("nodes", options.nodes().stream().map(Object::toString).toList());
        report.put("consoles", consoles.stream().filter(c -> c.open).count());
        report.put("consolesNeverShownTheQueue", consolesWithoutQueue);
        report.put("waitingVisitors", options.waiting());
        report.put("spareVisitors", options.spare());
        report.put("ratePerSecond", Map.of("handoffs", options.rate(), "accepts", options.rate()));
        report.put("durationSeconds", seconds);
        report.put("warmupSeconds", options.warmup().toNanos() / (double) NANOS);
        report.put("handoffs", handoffs[1].sum());
        report.put("accepts", accepts[1].sum());
        report.put("skipped", Map.of("handoffs", skippedHandoffs.sum(), "accepts", skippedAccepts.sum()));
        report.put("resolved", resolved.sum());
        report.put("consoleUpdateMillis", consoleLatency.measuredSummary());
        report.put("consoleUpdatesMissed", consoleMissed.sum());
        report.put("consoleLoad", consoleLoad);
        report.put("visitorUpdateMillis", visitorLatency.measuredSummary());
        report.put("visitorUpdatesMissed", visitorMissed.sum());
        report.put("ownStateAfterHandoffMillis", ownStateLatency.measuredSummary());
        report.put("queueFramesToConsoles", queueFrames.sum());
        report.put("queueFrameMegabytes", ProcessMetrics.round(queueFrameChars.sum() / 1e6));
        report.put("stateFramesToVisitors", stateFrames.sum());
        report.put("errors", counts(errors));
        report.put("socketsClosedEarly", closedEarly.sum());
        Map<String, Object> cpu = new LinkedHashMap<>();
        long serverNanos = 0;
        for (int i = 0; i < options.serverPids().size(); i++) {
            long used = cpuAfter[i] - cpuBefore[i];
            serverNanos += used;
            cpu.put("node" + (i + 1) + "Cores", ProcessMetrics.round(used / (double) NANOS / seconds));
        }
        if (!options.serverPids().isEmpty()) {
            cpu.put("nodesCores", ProcessMetrics.round(serverNanos / (double) NANOS / seconds));
            cpu.put("nodesMicrosPerQueueChange", changes == 0 ? -1 : ProcessMetrics.round(serverNanos / 1000.0 / changes));
        }
        if (options.redisPid() > 0) {
            long used = cpuAfter[cpuAfter.length - 1] - cpuBefore[cpuBefore.length - 1];
            cpu.put("redisCores", ProcessMetrics.round(used / (double) NANOS / seconds));
            cpu.put("redisMicrosPerQueueChange", changes == 0 ? -1 : ProcessMetrics.round(used / 1000.0 / changes));
        }
        report.put("cpu", cpu);
        visitors.forEach(Visitor::close);
        consoles.forEach(Console::close);
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        return report;
    }

    // ------------------------------------------------------------------------------------------------ phases

    /** Queues {@code --waiting} conversations, each visitor's socket closed once it is queued. */
    private void fill() {
        long interval = (long) (NANOS / options.fillRate());
        long next = System.nanoTime();
        for (int i = 0; i < options.waiting(); i++) {
            LoadGenerator.sleepUntil(next);
            next += interval;
            // at most FILLING_AT_ONCE unfinished at a time: a slow server slows the fill instead of drowning
            fillingSlots.acquireUninterruptibly();
            Visitor visitor = new Visitor(visitors.size(), "qf-" + runId + "-" + visitors.size());
            visitors.add(visitor);
            visitor.phase = Phase.FILLING;
            visitor.connect(null);
        }
        awaitAll("fill", () -> visitors.stream().allMatch(v -> v.conversationId != null && v.phase == Phase.FILLED));
    }

    private void connectAll() {
        for (Visitor visitor : visitors) {
            visitor.phase = Phase.RESUMING;
            visitor.connect(visitor.conversationId);
        }
        for (int i = 0; i < options.spare(); i++) {
            Visitor visitor = new Visitor(visitors.size(), "qf-" + runId + "-" + visitors.size());
            visitors.add(visitor);
            visitor.phase = Phase.OPENING;
            visitor.connect(null);
        }
        awaitAll("visitors", () -> visitors.stream().allMatch(v -> v.phase == Phase.WAITING || v.phase == Phase.SPARE));
        synchronized (driver) {
            visitors.stream().filter(v -> v.phase == Phase.WAITING)
                    .sorted((a, b) -> Integer.compare(a.expected, b.expected))
                    .forEach(queued::add);
        }
        for (int i = 0; i < options.agents(); i++) {
            String username = options.agentPrefix() + (i + 1);
            Console console = new Console(i, username, login(i, username));
            consoles.add(console);
            console.connect();
        }
        // A console not shown the queue within a minute is not measured (and counted); it still accepts in turn.
        awaitAll("consoles", () -> consoles.stream().allMatch(c -> c.open && c.queue != null), TimeUnit.MINUTES.toNanos(1));
        for (Console console : consoles) {
            synchronized (console) {
                console.measured = console.queue != null;
            }
        }
        consolesWithoutQueue = (int) consoles.stream().filter(c -> !c.measured).count();
        log("%d visitors waiting, %d spare, %d consoles, %d of them never shown the queue", queued.size(), spares.size(),
                consoles.size(), consolesWithoutQueue);
    }

    private void pace(long start, double steadyRate) {
        SendSchedule schedule = new SendSchedule(steadyRate, 0);
        for (long i = 0; ; i++) {
            long intended = start + schedule.offsetNanos(i);
            if (intended >= windowEnd) {
                return;
            }
            LoadGenerator.sleepUntil(intended);
            boolean measured = intended >= windowStart;
            if (i % 2 == 0) {
                handOff(intended, measured);
            } else {
                accept(intended, measured);
            }
        }
    }

    private void handOff(long t0, boolean measured) {
        Visitor visitor;
        synchronized (driver) {
            visitor = spares.poll();
            if (visitor == null) {
                skippedHandoffs.increment();
                return;
            }
            visitor.phase = Phase.ASKING;
            visitor.askedAt = t0;
            visitor.measured = measured;
        }
        handoffs[measured ? 1 : 0].increment();
        for (Console console : consoles) {
            console.expect(visitor.conversationId, true, t0, measured);
        }
        visitor.askForPerson();
    }

    private void accept(long t0, boolean measured) {
        Visitor taken;
        synchronized (driver) {
            taken = queued.poll();
            if (taken == null) {
                skippedAccepts.increment();
                return;
            }
            taken.phase = Phase.ACCEPTED;
            taken.forgetTargets();
            for (Visitor other : queued) {
                other.expectPlaceLess(t0, measured);
            }
        }
        accepts[measured ? 1 : 0].increment();
        for (Console console : consoles) {
            console.expect(taken.conversationId, false, t0, measured);
        }
        consoles.get((int) (acceptingConsole++ % consoles.size()))
                .send("{\"type\":\"accept\",\"conversationId\":\"" + taken.conversationId + "\"}");
    }

    /** Writes off updates older than the timeout once a second, so that nothing waits for ever. */
    private Thread startSweeper(long start) {
        Thread thread = new Thread(() -> {
            long next = start + NANOS;
            while (!ending && !Thread.currentThread().isInterrupted()) {
                LoadGenerator.sleepUntil(next);
                next += NANOS;
                long cutoff = System.nanoTime() - options.updateTimeout().toNanos();
                consoles.forEach(c -> c.writeOff(cutoff));
                visitors.forEach(v -> v.writeOff(cutoff));
                log("ops %d handoffs %d accepts, console updates %s ms p99, visitor updates %s ms p99, missed %d / %d",
                        handoffs[0].sum() + handoffs[1].sum(), accepts[0].sum() + accepts[1].sum(),
                        consoleLatency.percentilesSince(0).get("p99"), visitorLatency.percentilesSince(0).get("p99"),
                        consoleMissed.sum(), visitorMissed.sum());
            }
        }, "fanout-sweeper");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void writeOffEverything() {
        consoles.forEach(c -> c.writeOff(Long.MAX_VALUE));
        visitors.forEach(v -> v.writeOff(Long.MAX_VALUE));
    }

    private void missed(LatencySamples samples, LongAdder counter, boolean measured) {
        if (measured) {
            counter.increment();
        }
        samples.record(options.updateTimeout().toNanos(), measured);
    }

    // ------------------------------------------------------------------------------------------------ consoles

    /** The change a console has still to show for one conversation. */
    private static final class Expected {
        long addedAt = -1;
        boolean addMeasured;
        long removedAt = -1;
        boolean removeMeasured;
    }

    private final class Console {
        final int index;
        final String username;
        final String cookie;
        final Sinks.Many<String> out = Sinks.many().unicast().onBackpressureBuffer();
        final Map<String, Expected> expected = new LinkedHashMap<>();
        Set<String> queue;
        volatile boolean open;
        /** Shown the queue before the steady phase: only such consoles are measured. */
        boolean measured;

        Console(int index, String username, String cookie) {
            this.index = index;
            this.username = username;
            this.cookie = cookie;
        }

        void connect() {
            http.headers(h -> h.set(HttpHeaderNames.COOKIE, cookie))
                    .websocket(WebsocketClientSpec.builder().maxFramePayloadLength(64 << 20).build())
                    .uri(options.socket(index, "/ws/agent"))
                    .handle((in, outbound) -> {
                        open = true;
                        in.receive().asString().subscribe(this::onFrame, e -> { });
                        return outbound.sendString(out.asFlux());
                    })
                    .subscribe(ignored -> { }, e -> closed(), this::closed);
        }

        private void closed() {
            if (!ending) {
                closedEarly.increment();
            }
            open = false;
        }

        synchronized void send(String frame) {
            out.tryEmitNext(frame);
        }

        void close() {
            synchronized (this) {
                out.tryEmitComplete();
            }
        }

        synchronized void expect(String conversationId, boolean added, long t0, boolean measured) {
            if (!this.measured) {
                return;
            }
            Expected e = expected.computeIfAbsent(conversationId, id -> new Expected());
            if (added) {
                e.addedAt = t0;
                e.addMeasured = measured;
            } else {
                e.removedAt = t0;
                e.removeMeasured = measured;
            }
            settle(System.nanoTime());
        }

        private void onFrame(String text) {
            long now = System.nanoTime();
            String type = typeOf(text);
            switch (type) {
                case "queue" -> {
                    queueFrames.increment();
                    queueFrameChars.add(text.length());
                    Set<String> ids = conversationIds(text, 0, text.length());
                    synchronized (this) {
                        queue = ids;
                        settle(now);
                    }
                }
                case "queue_update" -> {
                    queueFrames.increment();
                    queueFrameChars.add(text.length());
                    JsonNode frame = LoadJson.MAPPER.readTree(text);
                    synchronized (this) {
                        if (queue == null) {
                            return;
                        }
                        frame.path("removed").forEach(id -> queue.remove(id.asString()));
                        frame.path("added").forEach(entry -> queue.add(entry.path("conversationId").asString()));
                        settle(now);
                    }
                }
                case "conversation" -> {
                    // this console accepted the conversation: close it at once, as an agent who solved it quickly
                    String id = LoadJson.parse(text).conversationId;
                    send("{\"type\":\"resolve\",\"conversationId\":\"" + id + "\"}");
                }
                case "error" -> errors.computeIfAbsent("console:" + LoadJson.parse(text).code, k -> new LongAdder()).increment();
                default -> {
                }
            }
        }

        /** Called holding this console's lock: records every change its queue now shows. */
        private void settle(long now) {
            if (queue == null) {
                return;
            }
            for (Iterator<Map.Entry<String, Expected>> it = expected.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Expected> entry = it.next();
                Expected e = entry.getValue();
                boolean present = queue.contains(entry.getKey());
                if (e.addedAt >= 0 && present) {
                    consoleLatency.record(now - e.addedAt, e.addMeasured);
                    e.addedAt = -1;
                }
                // a removal counts once the addition was seen: a stale frame from before the handoff proves nothing
                if (e.removedAt >= 0 && e.addedAt < 0 && !present) {
                    consoleLatency.record(now - e.removedAt, e.removeMeasured);
                    e.removedAt = -1;
                }
                if (e.addedAt < 0 && e.removedAt < 0) {
                    it.remove();
                }
            }
        }

        synchronized void writeOff(long cutoff) {
            for (Iterator<Expected> it = expected.values().iterator(); it.hasNext(); ) {
                Expected e = it.next();
                if (e.addedAt >= 0 && e.addedAt < cutoff) {
                    missed(consoleLatency, consoleMissed, e.addMeasured);
                    e.addedAt = -1;
                }
                if (e.removedAt >= 0 && e.removedAt < cutoff) {
                    missed(consoleLatency, consoleMissed, e.removeMeasured);
                    e.removedAt = -1;
                }
                if (e.addedAt < 0 && e.removedAt < 0) {
                    it.remove();
                }
            }
        }
    }

    /** Every {@code "conversationId":"…"} in {@code text}: a full queue frame's ids without parsing it. */
    static Set<String> conversationIds(String text, int from, int to) {
        Set<String> ids = new HashSet<>();
        String marker = "\"conversationId\":\"";
        int at = text.indexOf(marker, from);
        while (at >= 0 && at < to) {
            int start = at + marker.length();
            int end = text.indexOf('"', start);
            ids.add(text.substring(start, end));
            at = text.indexOf(marker, end);
        }
        return ids;
    }

    // ------------------------------------------------------------------------------------------------ visitors

    private enum Phase { FILLING, FILLED, RESUMING, OPENING, SPARE, ASKING, WAITING, ACCEPTED, RENEWING }

    /** A place a waiting visitor should reach, and since when. */
    private record Target(long since, int position, boolean measured) {
    }

    private final class Visitor {
        final int index;
        final String visitorId;
        Sinks.Many<String> out;
        volatile Phase phase;
        volatile String conversationId;
        volatile boolean welcomed;
        volatile String hello;
        long askedAt;
        boolean measured;
        /** The place this visitor should be shown once every accept sent so far has reached it. */
        int expected = Integer.MAX_VALUE;
        final ArrayDeque<Target> targets = new ArrayDeque<>();

        Visitor(int index, String visitorId) {
            this.index = index;
            this.visitorId = visitorId;
        }

        void connect(String resume) {
            Sinks.Many<String> sink = Sinks.many().unicast().onBackpressureBuffer();
            synchronized (this) {
                out = sink;
            }
            welcomed = false;
            hello = "{\"type\":\"hello\",\"visitorId\":\"" + visitorId + "\",\"language\":\"en\""
                    + (resume == null ? "" : ",\"conversationId\":\"" + resume + "\"") + "}";
            http.websocket(WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20).build())
                    .uri(options.socket(index, "/ws/visitor"))
                    .handle((in, outbound) -> {
                        in.receive().asString().subscribe(this::onFrame, e -> { });
                        send(hello);
                        return outbound.sendString(sink.asFlux());
                    })
                    .subscribe(ignored -> { }, e -> closed(), this::closed);
        }

        private void closed() {
            if (!ending && phase != Phase.FILLED) {
                closedEarly.increment();
            }
        }

        synchronized void send(String frame) {
            out.tryEmitNext(frame);
        }

        void askForPerson() {
            send("{\"type\":\"message\",\"text\":\"" + ASK_FOR_PERSON + "\"}");
        }

        void close() {
            synchronized (this) {
                out.tryEmitComplete();
            }
        }

        /** Accepted: the places it was still to reach no longer matter. */
        synchronized void forgetTargets() {
            targets.clear();
        }

        /** Called holding the driver's lock: an accept at {@code t0} took someone ahead of this visitor. */
        synchronized void expectPlaceLess(long t0, boolean measured) {
            if (expected != Integer.MAX_VALUE) {
                expected--;
                targets.add(new Target(t0, expected, measured));
            }
        }

        private void onFrame(String text) {
            long now = System.nanoTime();
            String type = typeOf(text);
            if (!type.equals("welcome") && !type.equals("state") && !type.equals("error")) {
                return;
            }
            JsonNode frame = LoadJson.MAPPER.readTree(text);
            if (type.equals("error")) {
                errors.computeIfAbsent("visitor:" + frame.path("code").asString(), k -> new LongAdder()).increment();
                if (phase == Phase.FILLING || phase == Phase.ASKING || phase == Phase.RESUMING || phase == Phase.OPENING) {
                    // refused (busy, unavailable): try again when the server says, as the widget would
                    long after = frame.path("retryAfterMs").asLong(1000);
                    Runnable again = welcomed ? this::askForPerson : () -> send(hello);
                    Schedulers.parallel().schedule(again, after, TimeUnit.MILLISECONDS);
                }
                return;
            }
            String state = frame.path("state").asString();
            int position = frame.path("queue").path("position").asInt(Integer.MAX_VALUE);
            if (type.equals("state")) {
                stateFrames.increment();
            }
            if (type.equals("welcome")) {
                conversationId = frame.path("conversationId").asString();
                welcomed = true;
            }
            switch (phase) {
                case FILLING -> {
                    if (type.equals("welcome")) {
                        askForPerson();
                    } else if (state.equals("WAITING_FOR_AGENT")) {
                        phase = Phase.FILLED;
                        fillingSlots.release();
                        close();
                    }
                }
                case RESUMING -> {
                    if (type.equals("welcome") && state.equals("WAITING_FOR_AGENT")) {
                        synchronized (this) {
                            expected = position;
                        }
                        phase = Phase.WAITING;
                    }
                }
                case OPENING, RENEWING -> {
                    if (type.equals("welcome") && state.equals("BOT")) {
                        synchronized (driver) {
                            synchronized (this) {
                                expected = Integer.MAX_VALUE;
                                targets.clear();
                            }
                            phase = Phase.SPARE;
                            spares.add(this);
                        }
                    }
                }
                case ASKING -> {
                    if (state.equals("WAITING_FOR_AGENT") && position != Integer.MAX_VALUE) {
                        ownStateLatency.record(now - askedAt, measured);
                        synchronized (driver) {
                            synchronized (this) {
                                expected = position;
                            }
                            phase = Phase.WAITING;
                            queued.add(this);
                        }
                    }
                }
                case WAITING -> {
                    if (state.equals("WAITING_FOR_AGENT") && position != Integer.MAX_VALUE) {
                        reached(position, now);
                    }
                }
                case ACCEPTED -> {
                    if (state.equals("RESOLVED")) {
                        resolved.increment();
                        synchronized (this) {
                            targets.clear();
                        }
                        phase = Phase.RENEWING;
                        send("{\"type\":\"new_conversation\",\"language\":\"en\"}");
                    }
                }
                default -> {
                }
            }
        }

        private synchronized void reached(int position, long now) {
            while (!targets.isEmpty() && targets.peek().position() >= position) {
                Target target = targets.poll();
                visitorLatency.record(now - target.since(), target.measured());
            }
            expected = Math.min(expected, position);
        }

        synchronized void writeOff(long cutoff) {
            while (!targets.isEmpty() && targets.peek().since() < cutoff) {
                missed(visitorLatency, visitorMissed, targets.poll().measured());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Logs agent {@code username} in on its node's login form and returns the session cookie. */
    private String login(int index, String username) {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(options.password(), StandardCharsets.UTF_8);
        String node = options.nodes().get(index % options.nodes().size()).toString();
        // The CSRF token's double submit: the same value as cookie and header.
        String cookie = http.headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded")
                        .set(HttpHeaderNames.COOKIE, "XSRF-TOKEN=bench").set("X-XSRF-TOKEN", "bench"))
                .post().uri(node + "/login")
                .send(ByteBufFlux.fromString(Mono.just(form)))
                .response((response, body) -> {
                    String location = response.responseHeaders().get(HttpHeaderNames.LOCATION);
                    String setCookie = response.responseHeaders().getAll(HttpHeaderNames.SET_COOKIE).stream()
                            .filter(c -> c.startsWith("SESSION=")).findFirst().orElse(null);
                    return location == null || location.contains("error") || setCookie == null ? Mono.<String>empty()
                            : Mono.just(setCookie.substring(0, setCookie.indexOf(';')));
                })
                .next().block(Duration.ofSeconds(30));
        if (cookie == null) {
            throw new IllegalStateException("login failed for " + username + " on " + node
                    + " (are the agents configured? see docs/bench/queue-fanout.sh)");
        }
        return cookie;
    }

    /** The frame's {@code type}, which Baton writes first. */
    static String typeOf(String text) {
        String marker = "\"type\":\"";
        int at = text.indexOf(marker);
        if (at < 0) {
            return "";
        }
        int start = at + marker.length();
        return text.substring(start, text.indexOf('"', start));
    }

    private long[] cpu() {
        List<Long> pids = new ArrayList<>(options.serverPids());
        if (options.redisPid() > 0) {
            pids.add(options.redisPid());
        }
        return pids.stream().mapToLong(ProcessMetrics::cpuNanos).toArray();
    }

    private void awaitAll(String what, java.util.function.BooleanSupplier done) {
        if (!awaitAll(what, done, TimeUnit.MINUTES.toNanos(5))) {
            throw new IllegalStateException(what + " did not finish within 5 minutes");
        }
    }

    /** Waits until {@code done}, at most {@code patience} nanoseconds; false if it never was. */
    private boolean awaitAll(String what, java.util.function.BooleanSupplier done, long patience) {
        long deadline = System.nanoTime() + patience;
        long nextLog = System.nanoTime() + 5 * NANOS;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (System.nanoTime() > nextLog) {
                nextLog += 5 * NANOS;
                log("waiting for %s: %s, errors %s", what, phases(), counts(errors));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        return true;
    }

    private Map<String, Long> phases() {
        Map<String, Long> out = new TreeMap<>();
        visitors.forEach(v -> out.merge(String.valueOf(v.phase), 1L, Long::sum));
        out.put("consolesOpen", consoles.stream().filter(c -> c.open && c.queue != null).count());
        return out;
    }

    private static Map<String, Long> counts(Map<String, LongAdder> adders) {
        Map<String, Long> out = new TreeMap<>();
        adders.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void log(String format, Object... args) {
        System.err.printf(java.util.Locale.ROOT, "[queue-fanout] " + format + "%n", args);
    }
}
