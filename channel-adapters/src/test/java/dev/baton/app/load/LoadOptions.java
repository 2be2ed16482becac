package dev.baton.app.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The load generator's command line. Durations are written {@code 60s}, {@code 500ms}, {@code 2m} or as plain
 * seconds.
 *
 * @param url                      the visitor socket, e.g. {@code ws://127.0.0.1:8080/ws/visitor}
 * @param conversations            concurrent visitor connections, one conversation each at a time
 * @param rate                     visitor messages per second offered in total (open loop)
 * @param duration                 the measured window (load) or how long the connections are held (hold)
 * @param warmup                   time after the ramp, excluded from the statistics: the rate rises from zero to
 *                                 full over its first half and is full over its second
 * @param ramp                     the time over which the connections are opened, evenly spaced
 * @param hold                     open the connections, keep them alive with pings and report how many stay open
 * @param holdMessages             in hold mode, questions each conversation asks once it is open
 * @param pingInterval             how often each connection sends {@code ping}
 * @param replyTimeout             how long after the last send a reply may still come before it counts as lost
 * @param language                 the language of the questions and the {@code hello} hint
 * @param questionsPerConversation questions before the connection starts a fresh conversation
 *                                 ({@code new_conversation}); 0: as many as there are distinct questions
 * @param sweepRates               rates to offer one after the other, each for {@code step}, instead of
 *                                 {@code rate} for {@code duration}; empty: no sweep
 * @param step                     how long each rate of a sweep is offered
 * @param kneeP99                  the p99 a sweep step must keep to count as kept up with
 * @param screen                   before the run, ask every question once in a conversation of its own and
 *                                 drop those the server does not answer with their own intent's answer
 * @param intents                  the intents folder the questions come from
 * @param target                   a label for the report (default: the URL)
 * @param serverPid                the server's process id, to report its CPU, heap and RSS (0: not reported)
 * @param progressInterval         how often a progress line goes to stderr
 * @param threads                  event-loop threads of the generator
 */
record LoadOptions(URI url, int conversations, double rate, Duration duration, Duration warmup, Duration ramp,
                   boolean hold, int holdMessages, Duration pingInterval, Duration replyTimeout, String language,
                   int questionsPerConversation, List<Double> sweepRates, Duration step, Duration kneeP99,
                   boolean screen, Path intents, String target, long serverPid, Duration progressInterval,
                   int threads) {

    static final String USAGE = """
            usage: LoadGenerator [--url ws://127.0.0.1:8080/ws/visitor] [--conversations 1000] [--rate 5000]
                                 [--duration 60s] [--warmup 10s] [--ramp 10s] [--hold] [--hold-messages 1]
                                 [--ping-interval 20s] [--reply-timeout 5s] [--language en]
                                 [--questions-per-conversation 5] [--sweep-rates 1000,2000,…] [--step 20s]
                                 [--knee-p99 50ms] [--screen true|false] [--intents DIR]
                                 [--target LABEL] [--server-pid PID]
                                 [--progress 5s] [--threads N]
            Prints one JSON object on stdout; progress on stderr.""";

    /** Options with every default; change them field by field, then {@link #build()}. */
    static final class Builder {
        URI url = URI.create("ws://127.0.0.1:8080/ws/visitor");
        int conversations = 1000;
        double rate = 5000;
        Duration duration = Duration.ofSeconds(60);
        Duration warmup = Duration.ofSeconds(10);
        Duration ramp = Duration.ofSeconds(10);
        boolean hold;
        int holdMessages = 1;
        Duration pingInterval = Duration.ofSeconds(20);
        Duration replyTimeout = Duration.ofSeconds(5);
        String language = "en";
        int questionsPerConversation = 5;
        List<Double> sweepRates = List.of();
        Duration step = Duration.ofSeconds(20);
        Duration kneeP99 = Duration.ofMillis(50);
        boolean screen = true;
        Path intents = Questions.defaultIntents();
        String target;
        long serverPid;
        Duration progressInterval = Duration.ofSeconds(5);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

        LoadOptions build() {
            if (conversations < 1 || (!hold && rate <= 0)) {
                throw new IllegalArgumentException("--conversations must be at least 1 and --rate more than 0\n" + USAGE);
            }
            if (sweepRates.stream().anyMatch(r -> r <= 0) || step.isZero() || step.isNegative()) {
                throw new IllegalArgumentException("--sweep-rates must be positive and --step more than 0\n" + USAGE);
            }
            return new LoadOptions(url, conversations, rate, duration, warmup, ramp, hold, holdMessages, pingInterval,
                    replyTimeout, language, questionsPerConversation, List.copyOf(sweepRates), step, kneeP99, screen,
                    intents, target, serverPid, progressInterval, threads);
        }
    }

    static LoadOptions parse(String... args) {
        Builder o = new Builder();
        List<String> list = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                list.add(arg.substring(0, eq));
                list.add(arg.substring(eq + 1));
            } else {
                list.add(arg);
            }
        }
        for (int i = 0; i < list.size(); i++) {
            String key = list.get(i);
            boolean boolNext = i + 1 < list.size() && (list.get(i + 1).equals("true") || list.get(i + 1).equals("false"));
            switch (key) {
                case "--hold" -> {
                    o.hold = !boolNext || Boolean.parseBoolean(list.get(++i));
                    continue;
                }
                case "--no-screen" -> {
                    o.screen = false;
                    continue;
                }
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> {
                }
            }
            if (i + 1 >= list.size()) {
                throw new IllegalArgumentException("missing value for " + key + "\n" + USAGE);
            }
            String v = list.get(++i);
            switch (key) {
                case "--url" -> o.url = URI.create(v);
                case "--conversations" -> o.conversations = Integer.parseInt(v);
                case "--rate" -> o.rate = Double.parseDouble(v);
                case "--duration" -> o.duration = duration(v);
                case "--warmup" -> o.warmup = duration(v);
                case "--ramp" -> o.ramp = duration(v);
                case "--hold-messages" -> o.holdMessages = Integer.parseInt(v);
                case "--ping-interval" -> o.pingInterval = duration(v);
                case "--reply-timeout" -> o.replyTimeout = duration(v);
                case "--language" -> o.language = v;
                case "--questions-per-conversation" -> o.questionsPerConversation = Integer.parseInt(v);
                case "--sweep-rates" -> o.sweepRates = java.util.Arrays.stream(v.split(",")).map(String::strip)
                        .map(Double::parseDouble).toList();
                case "--step" -> o.step = duration(v);
                case "--knee-p99" -> o.kneeP99 = duration(v);
                case "--screen" -> o.screen = Boolean.parseBoolean(v);
                case "--intents" -> o.intents = Path.of(v);
                case "--target" -> o.target = v;
                case "--server-pid" -> o.serverPid = Long.parseLong(v);
                case "--progress" -> o.progressInterval = duration(v);
                case "--threads" -> o.threads = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + key + "\n" + USAGE);
            }
        }
        return o.build();
    }

    String targetLabel() {
        return target != null ? target : url.toString();
    }

    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
    }
}
