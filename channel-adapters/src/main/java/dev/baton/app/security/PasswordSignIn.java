package dev.baton.app.security;

import dev.baton.audit.Actor;
import dev.baton.audit.AuditEntry;
import dev.baton.audit.AuditTrail;
import dev.baton.audit.StaffAction;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Optional;
import java.util.UUID;

/**
 * Checks a name and password (the sign-in form and HTTP Basic alike): refused at once while the account or the address
 * is {@linkplain SignInLockOut locked out}; else the password is checked against the account's hash — or, for a name
 * nobody has, against a hash of a random password made by the same encoder, so that an unknown name takes as long to
 * refuse as a wrong password and the time tells nothing about which accounts exist. Failures and lock-outs are
 * audited (a name nobody has as {@link AuditEntry#UNKNOWN_ACCOUNT}: what was typed may be a password).
 */
final class PasswordSignIn implements ReactiveAuthenticationManager {


    private final ReactiveUserDetailsService users;
    private final PasswordEncoder encoder;
    private final SignInLockOut lockOut;
    private final AuditTrail audit;
    private final String hashOfNobody;
    private final AccountStatusUserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();

    PasswordSignIn(ReactiveUserDetailsService users, PasswordEncoder encoder, SignInLockOut lockOut, AuditTrail audit) {
        this.users = users;
        this.encoder = encoder;
        this.lockOut = lockOut;
        this.audit = audit;
        this.hashOfNobody = encoder.encode(UUID.randomUUID().toString());
    }

    @Override
    public Mono<Authentication> authenticate(Authentication attempt) {
        String name = attempt.getName();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        return Mono.deferContextual(context -> Mono.just(ClientAddressInContext.of(context))).flatMap(address ->
                lockOut.attempt(name, address).flatMap(admission -> admission.admitted()
                        ? check(name, password, address)
                        : audited(name, address, StaffAction.LOCKED_OUT, "refused without checking the password")
                                .then(Mono.error(new LockedOutException(admission.retryAfter())))));
    }

    private Mono<Authentication> check(String name, String password, String address) {
        return users.findByUsername(name).map(Optional::of).defaultIfEmpty(Optional.empty())
                // Hashing takes tens of milliseconds of CPU: never on an event loop.
                .publishOn(Schedulers.boundedElastic())
                .flatMap(user -> {
                    boolean matches = encoder.matches(password, user.map(UserDetails::getPassword).orElse(hashOfNobody));
                    if (user.isEmpty() || !matches) {
                        return audited(name, address, StaffAction.LOGIN_FAILED, user.isEmpty() ? "no such account" : "wrong password")
                                .then(Mono.error(new BadCredentialsException("wrong username or password")));
                    }
                    accountStatus.check(user.get());
                    return lockOut.succeeded(name, address).thenReturn(
                            UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
                });
    }

    private Mono<Void> audited(String name, String address, StaffAction action, String detail) {
        return BestEffortAudit.of(users.findByUsername(name).map(UserDetails::getUsername).defaultIfEmpty(AuditEntry.UNKNOWN_ACCOUNT)
                .flatMap(who -> audit.record(new Actor(who, address), action, "sign-in", detail)), "a sign-in");
    }
}
