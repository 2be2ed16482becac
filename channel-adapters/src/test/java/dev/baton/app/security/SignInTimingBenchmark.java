package dev.baton.app.security;

import dev.baton.app.config.BatonProperties;
import dev.baton.audit.AuditTrail;
import dev.baton.store.memory.InMemoryAuditLog;
import dev.baton.store.memory.InMemoryRateLimiter;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * How long a refused sign-in takes for a name that exists (wrong password) and for one nobody has: the same, so that
 * the time tells nothing about which accounts exist; and, for comparison, with Spring Security's own manager, which
 * Baton used before. The accounts are the demo profile's (bcrypt, cost 10, as {@code hash-password} makes them);
 * lock-outs are set out of reach. Attempts alternate between the two names, so that whatever else the machine does
 * weighs on both alike, and the medians are compared. A {@code main}, not run by CI:
 * <pre>channel-adapters/bench/sign-in-timing.sh [attempts per name, default 200]</pre>
 * (or with the test class path by hand); results in docs/benchmarks.md.
 */
public final class SignInTimingBenchmark {

    private SignInTimingBenchmark() {
    }

    public static void main(String[] args) {
        int attempts = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        var demoAgents = new MapReactiveUserDetailsService(
                User.withUsername("alice").password("{bcrypt}$2a$10$dLyidGt6RSc5dOC1.vSBbu/FukLf5jbaDFlbzSJEdqCIpJ35oLDym").roles("AGENT").build(),
                User.withUsername("bruno").password("{bcrypt}$2a$10$Svr4NeSz695dH3BnbJezC.zgEbgm8ysrFya7iSvy.Ee6uw4yk/tai").roles("AGENT").build());
        var outOfReach = new BatonProperties.Limits.Login(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ofMinutes(15));
        ReactiveAuthenticationManager now = new PasswordSignIn(demoAgents, PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                new SignInLockOut(new InMemoryRateLimiter(Clock.systemUTC(), 1_000), outOfReach),
                new AuditTrail(new InMemoryAuditLog(1_000), Clock.systemUTC()));
        ReactiveAuthenticationManager before = new UserDetailsRepositoryReactiveAuthenticationManager(demoAgents);

        compare("Baton's sign-in", now, attempts);
        compare("before (Spring Security's manager)", before, attempts);
    }

    private static void compare(String what, ReactiveAuthenticationManager manager, int attempts) {
        for (int i = 0; i < attempts / 10; i++) {
            refused(manager, "alice");
            refused(manager, "mallory");
        }
        long[] known = new long[attempts];
        long[] unknown = new long[attempts];
        for (int i = 0; i < attempts; i++) {
            // Alternating which goes first as well, so that neither always follows the other.
            if (i % 2 == 0) {
                known[i] = refused(manager, "alice");
                unknown[i] = refused(manager, "mallory");
            } else {
                unknown[i] = refused(manager, "mallory");
                known[i] = refused(manager, "alice");
            }
        }
        double knownMs = median(known) / 1e6;
        double unknownMs = median(unknown) / 1e6;
        System.out.printf(Locale.ROOT, "%s, %d attempts each: known name, wrong password: median %.2f ms; unknown name: median %.2f ms; "
                + "unknown/known %.2f%n", what, attempts, knownMs, unknownMs, unknownMs / knownMs);
    }

    private static long refused(ReactiveAuthenticationManager manager, String name) {
        long start = System.nanoTime();
        manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, "not-alices-password"))
                .contextWrite(Context.of(ClientAddressInContext.KEY, "203.0.113.5"))
                .onErrorResume(refused -> Mono.empty())
                .block();
        return System.nanoTime() - start;
    }

    private static double median(long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }
}
