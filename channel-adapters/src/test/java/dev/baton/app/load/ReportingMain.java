package dev.baton.app.load;

import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.Function;

/** What each load tool's {@code main} does: options from the command line, the run, its report as one JSON line. */
final class ReportingMain {

    private ReportingMain() {
    }

    /** Exits with 2 (and the usage on stderr) when the options are wrong, else with 0 after the report. */
    static <O> void run(String[] args, Function<String[], O> parse, Function<O, Map<String, Object>> tool) {
        // stdout carries only the report: whatever a library prints (logback's default console appender
        // writes to System.out) goes to stderr with the progress lines.
        PrintStream report = System.out;
        System.setOut(System.err);
        quietNettyLogs();
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Map<String, Object> result = tool.apply(options);
        report.println(LoadJson.MAPPER.writeValueAsString(result));
        report.flush();
        System.exit(0);
    }

    /** Connection failures are counted and reported; Reactor Netty's stack trace for each is noise. */
    private static void quietNettyLogs() {
        if (LoggerFactory.getLogger("reactor.netty") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }
}
