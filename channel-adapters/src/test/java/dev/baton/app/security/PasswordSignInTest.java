package dev.baton.app.security;

import dev.baton.app.config.BatonProperties;
import dev.baton.audit.AuditEntry;
import dev.baton.audit.AuditQuery;
import dev.baton.audit.AuditTrail;
import dev.baton.store.SettableClock;
import dev.baton.store.memory.InMemoryAuditLog;
import dev.baton.store.memory.InMemoryRateLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Failed sign-ins lock out an account (known or not) and an address for the lock-out period, with the right password
 * too; successful ones never count; every failure and refusal is audited without what was typed.
 */
class PasswordSignInTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String OFFICE = "203.0.113.5";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final InMemoryAuditLog log = new InMemoryAuditLog(1_000);
    private final PasswordSignIn signIn = new PasswordSignIn(
            new MapReactiveUserDetailsService(User.withUsername("alice").password("{noop}alice-secret-1").roles("AGENT").build()),
            PasswordEncoderFactories.createDelegatingPasswordEncoder(),
            new SignInLockOut(new InMemoryRateLimiter(clock, 1_000), new BatonProperties.Limits.Login(20, 3, 5, Duration.ofMinutes(15))),
            new AuditTrail(log, clock));

    @Test
    void theRightPasswordSignsIn() {
        StepVerifier.create(attempt("alice", "alice-secret-1", OFFICE))
                .assertNext(user -> assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_AGENT"))
                .verifyComplete();
    }

    @Test
    void anAccountThatFailedTooOftenIsLockedOutWithTheRightPasswordTooUntilThePeriodEnds() {
        for (int i = 0; i < 3; i++) {
            StepVerifier.create(attempt("alice", "guess-" + i, "198.51.100." + i)).expectError(BadCredentialsException.class).verify(TIMEOUT);
        }

        StepVerifier.create(attempt("alice", "alice-secret-1", "198.51.100.77"))
                .expectErrorSatisfies(e -> assertThat(((LockedOutException) e).retryAfter()).isEqualTo(Duration.ofMinutes(15)))
                .verify(TIMEOUT);
        clock.advance(Duration.ofMinutes(14));
        StepVerifier.create(attempt("alice", "alice-secret-1", OFFICE)).expectError(LockedOutException.class).verify(TIMEOUT);
        clock.advance(Duration.ofMinutes(1));
        StepVerifier.create(attempt("alice", "alice-secret-1", OFFICE)).expectNextCount(1).verifyComplete();
    }

    @Test
    void anAccountNobodyHasIsLockedOutJustLikeARealOne() {
        for (int i = 0; i < 3; i++) {
            StepVerifier.create(attempt("mallory", "guess-" + i, OFFICE)).expectError(BadCredentialsException.class).verify(TIMEOUT);
        }

        StepVerifier.create(attempt("mallory", "guess", "198.51.100.9")).expectError(LockedOutException.class).verify(TIMEOUT);
        StepVerifier.create(attempt("MALLORY", "guess", "198.51.100.9")).expectError(LockedOutException.class).verify(TIMEOUT);
    }

    @Test
    void successfulSignInsDoNotCountTowardsALockOut() {
        for (int i = 0; i < 10; i++) {
            var signedIn = StepVerifier.create(attempt("alice", i % 5 == 0 ? "wrong" : "alice-secret-1", OFFICE));
            (i % 5 == 0 ? signedIn.expectError(BadCredentialsException.class) : signedIn.expectNextCount(1).expectComplete()).verify(TIMEOUT);
        }

        StepVerifier.create(attempt("alice", "alice-secret-1", OFFICE)).expectNextCount(1).verifyComplete();
    }

    @Test
    void anAddressThatFailedTooOftenIsLockedOutForEveryAccountButItsRefusalsCostTheAccountsNothing() {
        for (int i = 0; i < 5; i++) {
            StepVerifier.create(attempt("user" + i, "guess", OFFICE)).expectError(BadCredentialsException.class).verify(TIMEOUT);
        }

        for (int i = 0; i < 3; i++) {
            StepVerifier.create(attempt("alice", "alice-secret-1", OFFICE)).expectError(LockedOutException.class).verify(TIMEOUT);
        }
        StepVerifier.create(attempt("alice", "alice-secret-1", "192.0.2.44")).expectNextCount(1).verifyComplete();
    }

    @Test
    void loopbackAddressesAreNotLockedOutAsOneButTheirAccountsAre() {
        for (int i = 0; i < 6; i++) {
            StepVerifier.create(attempt("user" + i, "guess", "127.0.0.1")).expectError(BadCredentialsException.class).verify(TIMEOUT);
        }

        StepVerifier.create(attempt("alice", "alice-secret-1", "127.0.0.1")).expectNextCount(1).verifyComplete();
    }

    @Test
    void failuresAndLockOutsAreAuditedWithTheAddressButNeverWithWhatWasTyped() {
        attempt("alice", "wrong-password", OFFICE).onErrorResume(e -> Mono.empty()).block(TIMEOUT);
        for (int i = 0; i < 4; i++) {
            attempt("alice-secret-1", "alice", OFFICE).onErrorResume(e -> Mono.empty()).block(TIMEOUT);
        }

        List<AuditEntry> entries = log.find(AuditQuery.latest(10)).collectList().block(TIMEOUT);

        assertThat(entries).extracting(AuditEntry::who, AuditEntry::from, AuditEntry::action).containsExactly(
                tuple(AuditEntry.UNKNOWN_ACCOUNT, OFFICE, "locked_out"),
                tuple(AuditEntry.UNKNOWN_ACCOUNT, OFFICE, "login_failed"),
                tuple(AuditEntry.UNKNOWN_ACCOUNT, OFFICE, "login_failed"),
                tuple(AuditEntry.UNKNOWN_ACCOUNT, OFFICE, "login_failed"),
                tuple("alice", OFFICE, "login_failed"));
        assertThat(entries).allSatisfy(entry -> assertThat(entry.toString()).doesNotContain("secret", "wrong-password"));
    }

    private Mono<Authentication> attempt(String name, String password, String address) {
        return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password))
                .contextWrite(Context.of(ClientAddressInContext.KEY, address));
    }
}
