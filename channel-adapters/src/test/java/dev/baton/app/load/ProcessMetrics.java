package dev.baton.app.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU, heap and RSS of the server under test and of this generator, read from Linux's {@code /proc} and the
 * JDK's {@code jcmd}. On a shared machine, CPU time per message is the steadiest figure: throughput and latency move
 * with whatever else runs, the CPU a message costs much less. Everything here degrades to "absent" off Linux.
 */
final class ProcessMetrics {

    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ, 100 on every mainstream Linux build

    private ProcessMetrics() {
    }

    /** CPU time (user + system) of process {@code pid} so far, in nanoseconds; -1 when unknown. */
    static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name (field 2) may contain spaces: count fields after its closing parenthesis
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU time of this JVM so far, in nanoseconds. */
    static long ownCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** {busy, total} jiffies of the whole machine (all cores) from /proc/stat; null when unknown. */
    static long[] machineJiffies() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Busy cores of the whole machine between two {@link #machineJiffies()} readings over {@code seconds}. */
    static double machineBusyCores(long[] before, long[] after, double seconds) {
        if (before == null || after == null || seconds <= 0) {
            return -1;
        }
        return round((after[0] - before[0]) / (double) CLOCK_TICKS_PER_SECOND / seconds);
    }

    /** Heap (before and after a full GC) and RSS of a JVM, in MiB; entries it cannot read are left out. */
    static Map<String, Object> memory(long pid) {
        Map<String, Object> out = new LinkedHashMap<>();
        heap(pid).ifPresent(h -> {
            out.put("heapCommittedMB", h[0]);
            out.put("heapUsedMB", h[1]);
        });
        run(List.of("jcmd", Long.toString(pid), "GC.run"));
        heap(pid).ifPresent(h -> out.put("heapUsedAfterFullGcMB", h[1]));
        status(pid, "VmRSS").ifPresent(kb -> out.put("rssMB", round(kb / 1024.0)));
        status(pid, "VmHWM").ifPresent(kb -> out.put("rssPeakMB", round(kb / 1024.0)));
        return out;
    }


    private static java.util.Optional<double[]> heap(long pid) {
        String text = run(List.of("jcmd", Long.toString(pid), "GC.heap_info"));
        Matcher m = HEAP.matcher(text);
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new double[] {round(Long.parseLong(m.group(1)) / 1024.0), round(Long.parseLong(m.group(2)) / 1024.0)});
    }

    private static java.util.Optional<Long> status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return java.util.Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return java.util.Optional.empty();
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            process.waitFor(60, TimeUnit.SECONDS);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
