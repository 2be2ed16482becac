package dev.baton.app.load;

import dev.baton.app.load.LoadJson.Frame;
import dev.baton.app.load.Questions.Question;
import dev.baton.app.load.Questions.ReplyKind;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Baton's load generator: N concurrent visitor conversations over real WebSockets asking FAQ questions at a set
 * total rate, reporting messages per second, the latency from a visitor message to the bot's reply, errors, and
 * lost or duplicated replies. See docs/benchmarks.md for how to run it.
 *
 * <h2>How it measures</h2>
 * <ul>
 *   <li>One connection per conversation, all on one shared event loop; the connections are opened evenly over
 *       the ramp, and each says {@code hello} with a visitor id of its own. No question is asked during the ramp,
 *       so that a server busy answering cannot starve the handshakes of the connections still to come.</li>
 *   <li>Open loop, per connection: from the end of the ramp, one pacing thread gives message <i>i</i> an intended
 *       send time and the connection {@code i mod N} (so each connection asks every {@code N / rate} seconds), and
 *       sends it when that time comes, whether or not earlier replies arrived. The latency is measured from the
 *       <em>intended</em> time, so a generator or server that falls behind shows up as latency rather than hiding
 *       it (no coordinated omission). A question due while its connection is between two conversations (waiting
 *       for the last answer, or for the fresh conversation's {@code welcome}) waits and goes as soon as the
 *       connection is ready, its latency still counted from when it was due; only a closed connection's slots
 *       are skipped.</li>
 *   <li>Matching: every message carries a unique {@code clientMessageId}; its echo gives the message id <i>k</i>
 *       and the bot's reply is message <i>k+1</i>. A message id seen twice in one conversation is a duplicate; a
 *       question without a reply {@code --reply-timeout} after the last send is lost.</li>
 *   <li>Questions are the shipped FAQ examples (no hand-off topics, no small talk), never repeated within a
 *       conversation: Baton hands off a visitor who asks the same thing twice. After
 *       {@code --questions-per-conversation} questions (5; 0: all of them) the connection sends
 *       {@code new_conversation} once its last question is answered, as a visitor reads the answer before starting
 *       over, and the next conversation goes on with the next questions of the list.</li>
 *   <li>Warm-up: the rate rises linearly from zero to the full rate over the first half of the warm-up (see
 *       {@link SendSchedule}) and holds it for the second half; the measured window is all at the full rate
 *       ({@code rampEnd + warmup / 4 + i / rate} once the rate is full). Only messages whose intended time falls in
 *       the measured window count in the statistics; ramp and warm-up are reported apart. {@code --warmup 0s}
 *       measures a cold server from its first question.</li>
 *   <li>Sweep ({@code --sweep-rates}): after the warm-up (at the first rate), each rate for {@code --step}, each
 *       step reported on its own; the knee is the highest rate up to which every step kept its p99 under
 *       {@code --knee-p99} with nothing lost and (nearly) every question answered.</li>
 * </ul>
 */
public final class LoadGenerator {

    private static final long NANOS = 1_000_000_000L;
    /** Questions one connection may owe before further slots are skipped: a server this far behind is down. */
    private static final int MAX_WAITING_QUESTIONS = 1000;

    private final LoadOptions options;
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private Questions questions;
    private Conv[] convs;
    private LoopResources loops;
    private HttpClient.WebsocketSender client;

    // counters: index 0 = warm-up (and hold mode), 1 = measured window
    private final LongAdder[] sent = {new LongAdder(), new LongAdder()};
    private final LongAdder[] echoed = {new LongAdder(), new LongAdder()};
    private final LongAdder[] replied = {new LongAdder(), new LongAdder()};
    private final LongAdder[] lost = {new LongAdder(), new LongAdder()};
    /** Questions the server answered {@code busy} (each refusal counts), and their sends again after its retryAfterMs. */
    private final LongAdder[] refused = {new LongAdder(), new LongAdder()};
    private final LongAdder[] resent = {new LongAdder(), new LongAdder()};
    private final ScheduledExecutorService resends = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "load-resends");
        thread.setDaemon(true);
        return thread;
    });
    private final LongAdder duplicated = new LongAdder();
    private final LongAdder extraBotMessages = new LongAdder();
    private final LongAdder unmatchedEchoes = new LongAdder();
    private final LongAdder otherMessages = new LongAdder();
    private final LongAdder handoffs = new LongAdder();
    private final LongAdder lostAfterHandoff = new LongAdder();
    private final LongAdder connectionFailures = new LongAdder();
    private final LongAdder connectionsClosed = new LongAdder();
    private final LongAdder opened = new LongAdder();
    private final LongAdder newConversations = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder deferred = new LongAdder();
    private final LongAdder unsentAtEnd = new LongAdder();
    private final LongAdder sendRefused = new LongAdder();
    private final LongAdder pings = new LongAdder();
    private final LongAdder pongs = new LongAdder();
    private final LongAdder reconnectFrames = new LongAdder();
    private final LongAdder unparsable = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> receiveErrors = new ConcurrentHashMap<>();
    private final Map<ReplyKind, LongAdder> replyKinds = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> handoffStates = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private LatencySamples replyLatency;
    /** Reply latency from the send the server took, after any {@code busy} refusals: what admitted messages get. */
    private LatencySamples admittedLatency;
    private LatencySamples echoLatency;
    /** One per sweep step, or one for the whole measured window. */
    private RateStep[] steps = new RateStep[0];
    private long stepNanos = Long.MAX_VALUE;
    private final LongAdder repliesInWindow = new LongAdder();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean ending;
    private volatile String phase = "starting";

    public LoadGenerator(LoadOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        ReportingMain.run(args, LoadOptions::parse, options -> new LoadGenerator(options).run());
    }

    /** Runs the whole sequence (questions, screening, ramp, warm-up, measurement, drain) and returns the report. */
    public Map<String, Object> run() {
        questions = Questions.load(options.intents(), options.language());
        int candidates = questions.size();
        loops = LoopResources.create("load", options.threads(), true);
        client = HttpClient.create(ConnectionProvider.newConnection())
                .runOn(loops)
                .websocket(WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20).build());
        Map<String, Object> screening = new LinkedHashMap<>();
        try {
            if (options.screen()) {
                phase = "screening";
                screening = screen();
            }
            return options.hold() ? runHold(candidates, screening) : runLoad(candidates, screening);
        } finally {
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(5));
        }
    }

    // ------------------------------------------------------------------------------------------------ load

    private Map<String, Object> runLoad(int candidates, Map<String, Object> screening) {
        long rampNanos = options.ramp().toNanos();
        long warmupNanos = options.warmup().toNanos();
        List<Double> rates = options.sweepRates().isEmpty() ? List.of(options.rate()) : options.sweepRates();
        stepNanos = options.sweepRates().isEmpty() ? options.duration().toNanos() : options.step().toNanos();
        long measureNanos = stepNanos * rates.size();
        SendSchedule schedule = SendSchedule.sweep(warmupNanos, rates, stepNanos);
        double peak = rates.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double expected = peak * (warmupNanos + measureNanos) / (double) NANOS;
        int capacity = (int) Math.min(50_000_000L, (long) (expected * 1.1) + 10_000);
        replyLatency = new LatencySamples(capacity);
        admittedLatency = new LatencySamples(capacity);
        echoLatency = new LatencySamples(capacity);
        steps = rates.stream().map(rate -> new RateStep(rate, (int) Math.min(50_000_000L, (long) (rate * stepNanos / NANOS * 1.1) + 10_000)))
                .toArray(RateStep[]::new);
        createConversations();

        long start = System.nanoTime();
        long rampEnd = start + rampNanos;
        long measureStart = rampEnd + warmupNanos;
        long measureEnd = measureStart + measureNanos;
        windowStart = measureStart;
        windowEnd = measureEnd;
        Thread progress = startProgress(start);
        Thread housekeeping = startHousekeeping();
        Thread pacer = new Thread(() -> pace(schedule, rampEnd, measureStart, measureEnd), "load-pacer");
        pacer.setDaemon(true);
        pacer.setPriority(Thread.MAX_PRIORITY);
        phase = "ramp";
        pacer.start();
        openConnections(start, rampNanos);

        sleepUntil(rampEnd);
        phase = "warm-up";
        sleepUntil(measureStart);
        phase = "measure";
        long openAtMeasureStart = openCount();
        long serverCpuBefore = options.serverPid() > 0 ? ProcessMetrics.cpuNanos(options.serverPid()) : -1;
        long ownCpuBefore = ProcessMetrics.ownCpuNanos();
        long[] machineBefore = ProcessMetrics.machineJiffies();
        sleepUntil(measureEnd);
        long serverCpuAfter = options.serverPid() > 0 ? ProcessMetrics.cpuNanos(options.serverPid()) : -1;
        long ownCpuAfter = ProcessMetrics.ownCpuNanos();
        long[] machineAfter = ProcessMetrics.machineJiffies();
        joinQuietly(pacer);

        phase = "drain";
        long drainDeadline = System.nanoTime() + options.replyTimeout().toNanos();
        while (outstanding() > 0 && System.nanoTime() < drainDeadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        long stillOutstanding = countLost();
        ending = true;
        progress.interrupt();
        housekeeping.interrupt();
        resends.shutdownNow();

        double seconds = measureNanos / (double) NANOS;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("target", options.targetLabel());
        report.put("mode", "load");
        report.put("url", options.url().toString());
        report.put("conversations", options.conversations());
        report.put("offeredRate", options.sweepRates().isEmpty() ? options.rate() : options.sweepRates());
        report.put("achievedMessagesPerSecond", ProcessMetrics.round(replied[1].sum() / seconds));
        report.put("sentPerSecond", ProcessMetrics.round(sent[1].sum() / seconds));
        // Under overload these differ from the above: replies that arrived in the window, whenever sent.
        report.put("repliesPerSecondInWindow", ProcessMetrics.round(repliesInWindow.sum() / seconds));
        report.put("latencyMillis", replyLatency.measuredSummary());
        report.put("admittedLatencyMillis", admittedLatency.measuredSummary());
        report.put("echoLatencyMillis", echoLatency.measuredSummary());
        report.put("sent", sent[1].sum());
        report.put("echoed", echoed[1].sum());
        report.put("replied", replied[1].sum());
        report.put("refused", refused[1].sum());
        report.put("resent", resent[1].sum());
        report.put("answered", replied[1].sum());
        report.put("lost", lost[1].sum());
        report.put("duplicated", duplicated.sum());
        report.put("errors", counts(errors));
        report.put("handoffs", handoffs.sum());
        report.put("durationSeconds", seconds);
        report.put("warmupSeconds", warmupNanos / (double) NANOS);
        report.put("rampSeconds", rampNanos / (double) NANOS);
        Map<String, Object> beforeWindow = new LinkedHashMap<>();
        beforeWindow.put("sent", sent[0].sum());
        beforeWindow.put("replied", replied[0].sum());
        beforeWindow.put("refused", refused[0].sum());
        beforeWindow.put("resent", resent[0].sum());
        beforeWindow.put("lost", lost[0].sum());
        report.put("warmup", beforeWindow);
        report.put("replyKinds", counts(replyKinds));
        report.put("extraBotMessages", extraBotMessages.sum());
        report.put("unmatchedEchoes", unmatchedEchoes.sum());
        report.put("otherMessages", otherMessages.sum());
        report.put("lostAfterHandoff", lostAfterHandoff.sum());
        report.put("handoffStates", counts(handoffStates));
        report.put("stillOutstandingAtEnd", stillOutstanding);
        report.put("connectionsOpened", opened.sum());
        report.put("connectionsOpenAtMeasureStart", openAtMeasureStart);
        report.put("connectionFailures", connectionFailures.sum());
        report.put("connectionFailureReasons", failureReasons());
        report.put("connectionsClosedEarly", connectionsClosed.sum());
        report.put("receiveErrors", counts(receiveErrors));
        report.put("newConversations", newConversations.sum());
        report.put("skippedSlots", skipped.sum());
        report.put("deferredQuestions", deferred.sum());
        report.put("unsentAtEnd", unsentAtEnd.sum());
        report.put("sendRefused", sendRefused.sum());
        report.put("reconnectFrames", reconnectFrames.sum());
        report.put("unparsableFrames", unparsable.sum());
        report.put("pings", pings.sum());
        report.put("pongs", pongs.sum());
        report.put("samplesDropped", replyLatency.dropped());
        report.put("questions", questionsReport(candidates, screening));
        if (!options.sweepRates().isEmpty()) {
            List<Map<String, Object>> stepReports = new ArrayList<>();
            for (RateStep step : steps) {
                stepReports.add(step.report(stepNanos / (double) NANOS));
            }
            report.put("steps", stepReports);
            report.put("knee", RateStep.knee(stepReports, options.kneeP99()));
        }
        report.put("generatorCpuCores", cores(ownCpuBefore, ownCpuAfter, seconds));
        report.put("machineBusyCores", ProcessMetrics.machineBusyCores(machineBefore, machineAfter, seconds));
        if (options.serverPid() > 0) {
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("pid", options.serverPid());
            double serverCores = cores(serverCpuBefore, serverCpuAfter, seconds);
            server.put("cpuCores", serverCores);
            // per reply that arrived in the window, whenever its question was sent
            long answered = repliesInWindow.sum();
            server.put("cpuMicrosPerMessage", answered == 0 || serverCores < 0 ? -1
                    : ProcessMetrics.round((serverCpuAfter - serverCpuBefore) / 1000.0 / answered));
            server.putAll(ProcessMetrics.memory(options.serverPid()));
            report.put("server", server);
        }
        closeAll();
        return report;
    }

    private void pace(SendSchedule schedule, long start, long measureStart, long measureEnd) {
        int n = convs.length;
        long i = 0;
        while (true) {
            long now = System.nanoTime();
            long intended = start + schedule.offsetNanos(i);
            if (intended >= measureEnd) {
                return;
            }
            if (intended > now) {
                long wait = intended - now;
                LockSupport.parkNanos(Math.min(wait, 1_000_000));
                continue;
            }
            // everything due by now, in order (batches when parkNanos oversleeps)
            while (intended <= now && intended < measureEnd) {
                Conv conv = convs[(int) (i % n)];
                boolean measured = intended >= measureStart;
                int step = measured ? (int) Math.min(steps.length - 1, (intended - measureStart) / stepNanos) : -1;
                if (!ask(conv, new Due(intended, measured, step))) {
                    skipped.increment();
                }
                i++;
                intended = start + schedule.offsetNanos(i);
            }
        }
    }

    /**
     * Sends the conversation's next question now, or as soon as the connection is ready if it is between two
     * conversations (or not welcomed yet); false only if the connection is closed, or hopelessly behind.
     */
    private boolean ask(Conv conv, Due due) {
        synchronized (conv) {
            if (conv.closed) {
                return false;
            }
            if (!conv.ready) {
                if (conv.due.size() >= MAX_WAITING_QUESTIONS) {
                    return false;
                }
                conv.due.add(due);
                deferred.increment();
                return true;
            }
            send(conv, due);
        }
        return true;
    }

    /** Called holding the conversation's lock, when it is ready: sends its next question. */
    private void send(Conv conv, Due due) {
        Question question = questions.get(conv.cursor++);
        String clientMessageId = "q" + sequence.incrementAndGet();
        conv.byClientId.put(clientMessageId, new Pending(due, question, System.nanoTime()));
        conv.askedHere++;
        String frame = messageFrame(question, clientMessageId);
        sent[due.measured() ? 1 : 0].increment();
        if (due.step() >= 0) {
            steps[due.step()].sent.increment();
        }
        if (!conv.emit(frame)) {
            sendRefused.increment();
        }
        if (conv.askedHere >= conv.budget) {
            // Replies arrive as events, which may come after the server has handled a later frame: a socket
            // that switched conversation would no longer show them. So the switch waits for the last reply,
            // as a visitor reads the answer before starting over.
            conv.ready = false;
            conv.switching = true;
            switchWhenAnswered(conv);
        }
    }

    private static String messageFrame(Question question, String clientMessageId) {
        return "{\"type\":\"message\",\"text\":" + question.jsonText() + ",\"clientMessageId\":\"" + clientMessageId + "\"}";
    }

    /**
     * The server refused a question ({@code busy}: nothing stored): it is sent again, unchanged, after the error's
     * {@code retryAfterMs}, as a client following docs/protocol.md would; its latency still counts from when it was
     * first due. Any other error, or a busy one for no question of ours, is counted by code.
     */
    private void onError(Conv conv, Frame frame) {
        if ("busy".equals(frame.code) && frame.clientMessageId != null) {
            synchronized (conv) {
                Pending pending = conv.byClientId.get(frame.clientMessageId);
                if (pending != null) {
                    refused[pending.due().measured() ? 1 : 0].increment();
                    resends.schedule(() -> resend(conv, frame.clientMessageId, pending), Math.max(0, frame.retryAfterMs),
                            TimeUnit.MILLISECONDS);
                    return;
                }
            }
        }
        errors.computeIfAbsent(String.valueOf(frame.code), k -> new LongAdder()).increment();
    }

    /** Sends a refused question again, unless its conversation was written off (closed, or handed off) meanwhile. */
    private void resend(Conv conv, String clientMessageId, Pending pending) {
        synchronized (conv) {
            if (conv.closed || conv.byClientId.get(clientMessageId) != pending) {
                return;
            }
            if (conv.emit(messageFrame(pending.question(), clientMessageId))) {
                conv.byClientId.put(clientMessageId, pending.sentAgain(System.nanoTime()));
                resent[pending.due().measured() ? 1 : 0].increment();
            } else {
                sendRefused.increment();
            }
        }
    }

    /** Called holding the conversation's lock, once it is ready again: sends what fell due meanwhile. */
    private void sendDue(Conv conv) {
        while (conv.ready && !conv.due.isEmpty()) {
            send(conv, conv.due.poll());
        }
    }

    // ------------------------------------------------------------------------------------------------ hold

    private Map<String, Object> runHold(int candidates, Map<String, Object> screening) {
        int capacity = options.conversations() * Math.max(1, options.holdMessages()) + 1024;
        replyLatency = new LatencySamples(capacity);
        admittedLatency = new LatencySamples(capacity);
        echoLatency = new LatencySamples(capacity);
        createConversations();
        long start = System.nanoTime();
        Thread progress = startProgress(start);
        Thread housekeeping = startHousekeeping();
        phase = "ramp";
        openConnections(start, options.ramp().toNanos());
        long rampEnd = start + options.ramp().toNanos();
        sleepUntil(rampEnd);
        phase = "hold";
        long holdEnd = rampEnd + options.duration().toNanos();
        sleepUntil(holdEnd);
        long open = openCount();
        Map<String, Object> server = new LinkedHashMap<>();
        if (options.serverPid() > 0) {
            // measured while every connection is still open
            server.put("pid", options.serverPid());
            server.putAll(ProcessMetrics.memory(options.serverPid()));
        }
        phase = "drain";
        long drainDeadline = System.nanoTime() + options.replyTimeout().toNanos();
        while (outstanding() > 0 && System.nanoTime() < drainDeadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        countLost();
        ending = true;
        progress.interrupt();
        housekeeping.interrupt();
        resends.shutdownNow();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("target", options.targetLabel());
        report.put("mode", "hold");
        report.put("url", options.url().toString());
        report.put("conversations", options.conversations());
        report.put("open", open);
        report.put("connectionsOpened", opened.sum());
        report.put("connectionFailures", connectionFailures.sum());
        report.put("connectionFailureReasons", failureReasons());
        report.put("connectionsClosedEarly", connectionsClosed.sum());
        report.put("pings", pings.sum());
        report.put("pongs", pongs.sum());
        report.put("sent", sent[0].sum());
        report.put("replied", replied[0].sum());
        report.put("refused", refused[0].sum());
        report.put("resent", resent[0].sum());
        report.put("lost", lost[0].sum());
        report.put("duplicated", duplicated.sum());
        report.put("errors", counts(errors));
        report.put("handoffs", handoffs.sum());
        report.put("latencyMillis", replyLatency.percentilesSince(0));
        report.put("admittedLatencyMillis", admittedLatency.percentilesSince(0));
        report.put("replyKinds", counts(replyKinds));
        report.put("durationSeconds", options.duration().toMillis() / 1000.0);
        report.put("rampSeconds", options.ramp().toMillis() / 1000.0);
        report.put("questions", questionsReport(candidates, screening));
        if (!server.isEmpty()) {
            report.put("server", server);
        }
        closeAll();
        return report;
    }

    // ------------------------------------------------------------------------------------------------ connections

    private void createConversations() {
        int n = options.conversations();
        int m = questions.size();
        int budget = options.questionsPerConversation() > 0 ? Math.min(options.questionsPerConversation(), m) : m;
        convs = new Conv[n];
        for (int slot = 0; slot < n; slot++) {
            // A per-conversation offset into the question list, and a first conversation cut shorter by a
            // per-slot amount, so that connections do not all start fresh conversations at the same moment.
            int offset = (int) ((slot * 7919L) % m);
            int firstBudget = budget - (budget > 1 ? slot % Math.max(1, budget / 2) : 0);
            convs[slot] = new Conv(slot, "lv-" + runId + "-" + slot, offset, budget, firstBudget);
        }
    }

    private void openConnections(long start, long rampNanos) {
        int n = convs.length;
        for (int slot = 0; slot < n; slot++) {
            sleepUntil(start + rampNanos * slot / n);
            connect(convs[slot]);
        }
    }

    private void connect(Conv conv) {
        client.uri(options.url().toString())
                .handle((in, out) -> {
                    in.receive().asString().subscribe(text -> onFrame(conv, text),
                            e -> receiveErrors.computeIfAbsent(e.toString(), k -> new LongAdder()).increment());
                    conv.emit("{\"type\":\"hello\",\"visitorId\":\"" + conv.visitorId + "\",\"language\":\"" + options.language() + "\"}");
                    return out.sendString(conv.out.asFlux());
                })
                .subscribe(ignored -> {
                }, error -> closed(conv, error), () -> closed(conv, null));
    }

    private void closed(Conv conv, Throwable error) {
        boolean wasWelcomed;
        synchronized (conv) {
            wasWelcomed = conv.welcomed;
            conv.closed = true;
            conv.ready = false;
        }
        if (!wasWelcomed) {
            connectionFailures.increment();
            failures.computeIfAbsent(error == null ? "closed before welcome" : error.toString(), k -> new LongAdder()).increment();
        } else if (!ending) {
            connectionsClosed.increment();
        }
    }

    private void closeAll() {
        for (Conv conv : convs) {
            synchronized (conv) {
                conv.out.tryEmitComplete();
            }
        }
        // let the close frames go out before the event loop is disposed
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(2000, 200 + convs.length / 10)));
    }

    // ------------------------------------------------------------------------------------------------ receiving

    private void onFrame(Conv conv, String text) {
        long now = System.nanoTime();
        Frame frame;
        try {
            frame = LoadJson.parse(text);
        } catch (RuntimeException e) {
            unparsable.increment();
            return;
        }
        String type = frame.type == null ? "" : frame.type;
        switch (type) {
            case "message" -> onMessage(conv, frame, now);
            case "welcome" -> onWelcome(conv, frame);
            case "state" -> onState(conv, frame);
            case "error" -> onError(conv, frame);
            case "pong" -> pongs.increment();
            case "reconnect" -> reconnectFrames.increment();
            default -> otherMessages.increment();
        }
    }

    private void onMessage(Conv conv, Frame frame, long now) {
        synchronized (conv) {
            long id = frame.messageId;
            if (id > 0 && id < Integer.MAX_VALUE) {
                if (conv.seen.get((int) id)) {
                    duplicated.increment();
                    return;
                }
                conv.seen.set((int) id);
            }
            if ("visitor".equals(frame.from)) {
                Pending pending = frame.clientMessageId == null ? null : conv.byClientId.remove(frame.clientMessageId);
                if (pending == null) {
                    unmatchedEchoes.increment();
                    return;
                }
                echoed[pending.due().measured() ? 1 : 0].increment();
                echoLatency.record(now - pending.due().intended(), pending.due().measured());
                BotMessage early = conv.early.remove(id + 1);
                if (early != null) {
                    complete(conv, pending, early.arrival, early.text);
                    switchWhenAnswered(conv);
                } else {
                    conv.byReplyId.put(id + 1, pending);
                }
            } else if ("bot".equals(frame.from)) {
                Pending pending = conv.byReplyId.remove(id);
                if (pending == null) {
                    // not (yet) known as the reply to a question: a reply overtaking its echo, or a second bot message
                    conv.early.put(id, new BotMessage(now, frame.text));
                    return;
                }
                complete(conv, pending, now, frame.text);
                switchWhenAnswered(conv);
            } else {
                otherMessages.increment();
            }
        }
    }

    /** Called holding the conversation's lock: starts the next conversation once the current one owes nothing. */
    private void switchWhenAnswered(Conv conv) {
        if (conv.switching && !conv.newConversationSent && conv.outstanding() == 0) {
            startNewConversation(conv);
        }
    }

    /** Called holding the conversation's lock. */
    private void complete(Conv conv, Pending pending, long arrival, String text) {
        Due due = pending.due();
        replied[due.measured() ? 1 : 0].increment();
        if (due.step() >= 0) {
            steps[due.step()].replied(arrival - due.intended(), arrival - pending.lastSent());
        }
        if (arrival >= windowStart && arrival < windowEnd) {
            repliesInWindow.increment();
        }
        replyLatency.record(arrival - due.intended(), due.measured());
        admittedLatency.record(arrival - pending.lastSent(), due.measured());
        replyKinds.computeIfAbsent(questions.classify(pending.question, text), k -> new LongAdder()).increment();
    }

    /** Called holding the conversation's lock. */
    private void startNewConversation(Conv conv) {
        conv.newConversationSent = true;
        conv.emit("{\"type\":\"new_conversation\",\"language\":\"" + options.language() + "\"}");
    }

    private void onWelcome(Conv conv, Frame frame) {
        boolean first;
        synchronized (conv) {
            // whatever the previous conversation still owed will not come any more
            writeOffOutstanding(conv);
            conv.seen = new BitSet();
            frame.transcriptIds.forEach(id -> conv.seen.set((int) (long) id));
            conv.conversationId = frame.conversationId;
            first = !conv.welcomed;
            conv.welcomed = true;
            conv.handedOff = false;
            conv.switching = false;
            conv.newConversationSent = false;
            conv.askedHere = 0;
            if (first) {
                conv.budget = conv.firstBudget;
                conv.nextPingAt = System.nanoTime() + (long) (ThreadLocalRandom.current().nextDouble() * options.pingInterval().toNanos());
            } else {
                conv.budget = conv.fullBudget;
            }
            if (!"BOT".equals(frame.state)) {
                handoffs.increment();
                handoffStates.computeIfAbsent("welcome:" + frame.state, k -> new LongAdder()).increment();
            }
            conv.ready = !options.hold() && !conv.closed;
            sendDue(conv);
        }
        if (first) {
            opened.increment();
            if (options.hold()) {
                for (int q = 0; q < options.holdMessages(); q++) {
                    synchronized (conv) {
                        conv.ready = true;
                        conv.budget = Integer.MAX_VALUE;
                        send(conv, new Due(System.nanoTime(), false, -1));
                        conv.ready = false;
                    }
                }
            }
        } else {
            newConversations.increment();
        }
    }

    private void onState(Conv conv, Frame frame) {
        if ("BOT".equals(frame.state)) {
            return;
        }
        handoffs.increment();
        handoffStates.computeIfAbsent(String.valueOf(frame.state), k -> new LongAdder()).increment();
        synchronized (conv) {
            if (conv.handedOff) {
                return;
            }
            // The bot is silent from now on: start afresh; what this conversation still owes counts as lost.
            conv.handedOff = true;
            conv.ready = false;
            conv.switching = true;
            startNewConversation(conv);
        }
    }

    // ------------------------------------------------------------------------------------------------ housekeeping

    /** Pings every connection every --ping-interval. */
    private Thread startHousekeeping() {
        Thread thread = new Thread(() -> {
            long interval = options.pingInterval().toNanos();
            while (!ending && !Thread.currentThread().isInterrupted()) {
                long now = System.nanoTime();
                for (Conv conv : convs) {
                    synchronized (conv) {
                        if (!conv.welcomed || conv.closed) {
                            continue;
                        }
                        if (now >= conv.nextPingAt) {
                            conv.nextPingAt = now + interval;
                            if (conv.emit("{\"type\":\"ping\"}")) {
                                pings.increment();
                            }
                        }
                    }
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
            }
        }, "load-housekeeping");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private Thread startProgress(long start) {
        Thread thread = new Thread(() -> {
            long interval = options.progressInterval().toNanos();
            long next = start + interval;
            long lastSent = 0;
            long lastReplied = 0;
            int lastSample = 0;
            while (!ending) {
                sleepUntil(next);
                if (ending || Thread.currentThread().isInterrupted()) {
                    return;
                }
                long s = sent[0].sum() + sent[1].sum();
                long r = replied[0].sum() + replied[1].sum();
                Map<String, Object> p = replyLatency.percentilesSince(lastSample);
                lastSample = replyLatency.position();
                double secs = interval / (double) NANOS;
                long open = openCount();
                System.err.printf(java.util.Locale.ROOT,
                        "[%6.1fs] %-9s open %d/%d  sent %.0f/s  replied %.0f/s  outstanding %d  p50 %s ms  p99 %s ms  max %s ms"
                                + "  errors %d  handoffs %d  dup %d  skipped %d  conn-fail %d%n",
                        (System.nanoTime() - start) / (double) NANOS, phase, open, convs.length,
                        (s - lastSent) / secs, (r - lastReplied) / secs, outstanding(), p.get("p50"), p.get("p99"),
                        p.get("max"), errors.values().stream().mapToLong(LongAdder::sum).sum(), handoffs.sum(),
                        duplicated.sum(), skipped.sum(), connectionFailures.sum());
                lastSent = s;
                lastReplied = r;
                next += interval;
            }
        }, "load-progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Connections welcomed and not closed. */
    private long openCount() {
        long open = 0;
        for (Conv conv : convs) {
            if (conv.welcomed && !conv.closed) {
                open++;
            }
        }
        return open;
    }

    private long outstanding() {
        long total = 0;
        for (Conv conv : convs) {
            synchronized (conv) {
                total += conv.outstanding();
            }
        }
        return total;
    }

    /** Counts every question still without a reply, or never sent, as lost; returns how many there were. */
    private long countLost() {
        long total = 0;
        for (Conv conv : convs) {
            synchronized (conv) {
                total += writeOffOutstanding(conv) + conv.due.size();
                unsentAtEnd.add(conv.due.size());
                conv.due.forEach(this::lost);
                conv.due.clear();
            }
        }
        return total;
    }

    private void lost(Due due) {
        lost[due.measured() ? 1 : 0].increment();
        if (due.step() >= 0) {
            steps[due.step()].lost.increment();
        }
    }

    /**
     * Called holding the conversation's lock: counts what it still owes as lost (and bot messages that answered
     * nothing as extra), forgets it, and returns how many questions that was.
     */
    private int writeOffOutstanding(Conv conv) {
        int owed = conv.outstanding();
        conv.byClientId.values().forEach(p -> lost(p.due()));
        conv.byReplyId.values().forEach(p -> lost(p.due()));
        if (conv.handedOff) {
            lostAfterHandoff.add(owed);
        }
        extraBotMessages.add(conv.early.size());
        conv.byClientId.clear();
        conv.byReplyId.clear();
        conv.early.clear();
        return owed;
    }

    // ------------------------------------------------------------------------------------------------ screening

    /**
     * Asks every question once, each in a fresh conversation, and keeps those the server answers with their own
     * intent's answer: a training example the model does not answer would, twice in a row, hand the visitor off.
     */
    private Map<String, Object> screen() {
        List<Question> all = questions.all();
        int probes = Math.min(8, all.size());
        List<List<Question>> shares = new ArrayList<>();
        for (int p = 0; p < probes; p++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < all.size(); i++) {
            shares.get(i % probes).add(all.get(i));
        }
        Map<Question, String> verdicts = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int p = 0; p < probes; p++) {
            List<Question> share = shares.get(p);
            String visitorId = "lv-" + runId + "-screen-" + p;
            Thread thread = new Thread(() -> {
                try (ScreeningProbe probe = new ScreeningProbe(client, options.url().toString(), visitorId, options.language())) {
                    for (Question question : share) {
                        verdicts.put(question, probe.ask(question, questions));
                    }
                }
            }, "load-screen-" + p);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        threads.forEach(LoadGenerator::joinQuietly);
        List<Question> kept = new ArrayList<>();
        List<Map<String, String>> dropped = new ArrayList<>();
        for (Question question : all) {
            String verdict = verdicts.getOrDefault(question, "no verdict");
            if (verdict.equals("answer")) {
                kept.add(question);
            } else {
                dropped.add(Map.of("intent", question.intent(), "text", question.text(), "got", verdict));
            }
        }
        System.err.printf(java.util.Locale.ROOT, "screening: %d of %d questions answered with their own intent's answer (%.1f s)%n",
                kept.size(), all.size(), (System.nanoTime() - start) / (double) NANOS);
        for (Map<String, String> d : dropped) {
            System.err.println("  dropped [" + d.get("intent") + "] \"" + d.get("text") + "\" → " + d.get("got"));
        }
        questions = questions.keeping(kept);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("screened", all.size());
        out.put("droppedByScreening", dropped.size());
        out.put("dropped", dropped);
        return out;
    }

    private Map<String, Object> questionsReport(int candidates, Map<String, Object> screening) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("examples", questions.candidates());
        out.put("distinct", candidates);
        out.put("used", questions.size());
        out.put("perConversation", options.questionsPerConversation() > 0
                ? Math.min(options.questionsPerConversation(), questions.size()) : questions.size());
        out.putAll(screening);
        return out;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The reasons connections failed to open, the ten most frequent. */
    private Map<String, Long> failureReasons() {
        Map<String, Long> out = new LinkedHashMap<>();
        failures.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .limit(10)
                .forEach(e -> out.put(e.getKey(), e.getValue().sum()));
        return out;
    }

    private static Map<String, Long> counts(Map<?, LongAdder> adders) {
        Map<String, Long> out = new TreeMap<>();
        adders.forEach((k, v) -> out.put(k.toString().toLowerCase(java.util.Locale.ROOT), v.sum()));
        return out;
    }

    private static double cores(long before, long after, double seconds) {
        return before < 0 || after < 0 ? -1 : ProcessMetrics.round((after - before) / (double) NANOS / seconds);
    }

    static void sleepUntil(long deadline) {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A question's place in the schedule: when it was meant to go, whether it is measured, and in which sweep step
     * (-1: none).
     */
    private record Due(long intended, boolean measured, int step) {
    }

    /** A question on its way. */
    /** @param lastSent when it was last sent: first when due, later when sent again after {@code busy} */
    private record Pending(Due due, Question question, long lastSent) {

        Pending sentAgain(long now) {
            return new Pending(due, question, now);
        }
    }

    /** A bot message not yet tied to a question. */
    private record BotMessage(long arrival, String text) {
    }

    /** One visitor connection and the conversation it is in; guarded by its own monitor. */
    private static final class Conv {
        final int slot;
        final String visitorId;
        final int fullBudget;
        final int firstBudget;
        final Sinks.Many<String> out = Sinks.many().unicast().onBackpressureBuffer();
        final Map<String, Pending> byClientId = new HashMap<>();
        final Map<Long, Pending> byReplyId = new HashMap<>();
        final Map<Long, BotMessage> early = new HashMap<>();
        /** Questions that fell due while the connection was not ready, in order. */
        final ArrayDeque<Due> due = new ArrayDeque<>();
        BitSet seen = new BitSet();
        String conversationId;
        volatile boolean welcomed;
        volatile boolean closed;
        boolean ready;
        boolean switching;
        boolean newConversationSent;
        boolean handedOff;
        long nextPingAt = Long.MAX_VALUE;
        int cursor;
        int askedHere;
        int budget;

        Conv(int slot, String visitorId, int offset, int fullBudget, int firstBudget) {
            this.slot = slot;
            this.visitorId = visitorId;
            this.cursor = offset;
            this.fullBudget = fullBudget;
            this.firstBudget = firstBudget;
        }

        int outstanding() {
            return byClientId.size() + byReplyId.size();
        }

        boolean emit(String frame) {
            synchronized (this) {
                return out.tryEmitNext(frame).isSuccess();
            }
        }
    }
}
