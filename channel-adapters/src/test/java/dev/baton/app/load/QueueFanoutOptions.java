package dev.baton.app.load;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The queue fan-out benchmark's command line (see {@link QueueFanoutBenchmark}); durations as in {@link LoadOptions}.
 *
 * @param nodes         the Baton nodes' base URLs; consoles and visitors are spread over them in turn
 * @param agents        agent consoles, one per agent, named {@code agentPrefix} + 1, 2, …
 * @param agentPrefix   the agents' usernames without their number
 * @param password      every agent's password
 * @param waiting       visitors waiting in the queue throughout
 * @param spare         more visitors, talking to the bot, who hand off when the schedule says so
 * @param rate          handoffs per second, and as many accepts
 * @param fillRate      handoffs per second while the queue is first filled
 * @param warmup        steady operations before the measured window
 * @param duration      the measured window
 * @param updateTimeout how long a console or visitor may take to see a change before it counts as missed
 * @param serverPids    the nodes' process ids, for their CPU (empty: not reported)
 * @param redisPid      Redis' process id, for its CPU (0: not reported)
 * @param target        a label for the report
 * @param consoleLoads  times the console is loaded in headless Chromium once the window ends (0: never)
 */
record QueueFanoutOptions(List<URI> nodes, int agents, String agentPrefix, String password, int waiting, int spare,
                          double rate, double fillRate, Duration warmup, Duration duration, Duration updateTimeout,
                          List<Long> serverPids, long redisPid, String target, int consoleLoads) {

    static final String USAGE = """
            usage: QueueFanoutBenchmark [--nodes http://127.0.0.1:18090,http://127.0.0.1:18092] [--agents 200]
                                        [--agent-prefix agent] [--password bench-secret] [--waiting 2000]
                                        [--spare 100] [--rate 5] [--fill-rate 100] [--warmup 20s] [--duration 60s]
                                        [--update-timeout 10s] [--server-pids PID,PID] [--redis-pid PID]
                                        [--target LABEL] [--console-loads 5]
            Prints one JSON object on stdout; progress on stderr.""";

    static QueueFanoutOptions parse(String... args) {
        List<URI> nodes = List.of(URI.create("http://127.0.0.1:18090"), URI.create("http://127.0.0.1:18092"));
        int agents = 200;
        String agentPrefix = "agent";
        String password = "bench-secret";
        int waiting = 2000;
        int spare = 100;
        double rate = 5;
        double fillRate = 100;
        Duration warmup = Duration.ofSeconds(20);
        Duration duration = Duration.ofSeconds(60);
        Duration updateTimeout = Duration.ofSeconds(10);
        List<Long> serverPids = List.of();
        long redisPid = 0;
        String target = "queue-fanout";
        int consoleLoads = 5;
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            if (key.equals("--help") || key.equals("-h") || i + 1 >= args.length) {
                throw new IllegalArgumentException(key.startsWith("-h") || key.equals("--help") ? USAGE
                        : "missing value for " + key + "\n" + USAGE);
            }
            String v = args[++i];
            switch (key) {
                case "--nodes" -> nodes = Arrays.stream(v.split(",")).map(String::strip).map(URI::create).toList();
                case "--agents" -> agents = Integer.parseInt(v);
                case "--agent-prefix" -> agentPrefix = v;
                case "--password" -> password = v;
                case "--waiting" -> waiting = Integer.parseInt(v);
                case "--spare" -> spare = Integer.parseInt(v);
                case "--rate" -> rate = Double.parseDouble(v);
                case "--fill-rate" -> fillRate = Double.parseDouble(v);
                case "--warmup" -> warmup = LoadOptions.duration(v);
                case "--duration" -> duration = LoadOptions.duration(v);
                case "--update-timeout" -> updateTimeout = LoadOptions.duration(v);
                case "--server-pids" -> serverPids = v.isBlank() ? List.of()
                        : Arrays.stream(v.split(",")).map(String::strip).map(Long::parseLong).toList();
                case "--redis-pid" -> redisPid = Long.parseLong(v);
                case "--target" -> target = v;
                case "--console-loads" -> consoleLoads = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + key + "\n" + USAGE);
            }
        }
        if (nodes.isEmpty() || agents < 1 || waiting < 1 || spare < 1 || rate <= 0 || fillRate <= 0) {
            throw new IllegalArgumentException("--nodes, --agents, --waiting, --spare, --rate and --fill-rate must be positive\n" + USAGE);
        }
        return new QueueFanoutOptions(nodes, agents, agentPrefix, password, waiting, spare, rate, fillRate, warmup,
                duration, updateTimeout, serverPids, redisPid, target, consoleLoads);
    }

    /** The WebSocket URL of {@code path} on node {@code index mod nodes}. */
    String socket(int index, String path) {
        URI node = nodes.get(index % nodes.size());
        return (node.getScheme().equals("https") ? "wss" : "ws") + "://" + node.getAuthority() + path;
    }
}
