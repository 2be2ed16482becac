package dev.baton.app.security;

import dev.baton.app.config.BatonProperties;
import dev.baton.app.limits.ClientAddress;
import dev.baton.limits.Admission;
import dev.baton.limits.Limit;
import dev.baton.limits.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Failed sign-ins per account name and per client address ({@code baton.limits.login}): every attempt takes a token
 * from both, a successful one gives them back, so only failures count; once either is used up, the account (or the
 * address) may not sign in until the period that began with its first failure is over — with the right password
 * neither. Names nobody has are counted like real ones, so a lock-out tells nothing about which accounts exist. Loopback
 * addresses are not counted as one (see {@link ClientAddress#limitedAsOne}); their accounts are.
 */
final class SignInLockOut {

    private static final Logger log = LoggerFactory.getLogger(SignInLockOut.class);

    private final RateLimiter limiter;
    private final Limit perAccount;
    private final Limit perAddress;

    SignInLockOut(RateLimiter limiter, BatonProperties.Limits.Login login) {
        this.limiter = limiter;
        this.perAccount = Limit.lockOut("login-failures-account", login.failuresPerAccount(), login.lockOut());
        this.perAddress = Limit.lockOut("login-failures-address", login.failuresPerAddress(), login.lockOut());
    }

    /**
     * One attempt of {@code account} from {@code address}: admitted, or refused with the time until the lock-out ends.
     * A limiter that cannot answer admits (the password is still checked), as the other limits do.
     */
    Mono<Admission> attempt(String account, String address) {
        String subject = subject(account);
        return limiter.take(perAccount, subject)
                .flatMap(byAccount -> !byAccount.admitted() || !ClientAddress.limitedAsOne(address) ? Mono.just(byAccount)
                        : limiter.take(perAddress, address).flatMap(byAddress -> byAddress.admitted() ? Mono.just(byAddress)
                                // Refused for the address: this attempt was never made, and must not count against the account.
                                : limiter.giveBack(perAccount, subject).thenReturn(byAddress)))
                .onErrorResume(e -> {
                    log.warn("sign-in lock-outs unavailable, admitting: {}", e.toString());
                    return Mono.just(Admission.admit());
                });
    }

    /** The attempt admitted by {@link #attempt} succeeded: it does not count. */
    Mono<Void> succeeded(String account, String address) {
        return limiter.giveBack(perAccount, subject(account))
                .then(ClientAddress.limitedAsOne(address) ? limiter.giveBack(perAddress, address) : Mono.empty())
                .onErrorResume(e -> {
                    log.warn("sign-in lock-outs unavailable: {}", e.toString());
                    return Mono.empty();
                });
    }

    /**
     * The bucket's subject for a typed account name: hashed, since what people type there is sometimes their password,
     * which must not end up in a Redis key; lower-cased, as account names are matched.
     */
    private static String subject(String account) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(account.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
