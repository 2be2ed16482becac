package dev.baton.store.redis;

import dev.baton.store.StoreUnavailableException;
import io.lettuce.core.RedisException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Ports whose failures speak the domain's language: a Lettuce failure (Redis unreachable, a command that timed out,
 * one rejected while the connection is down, an error reply) reaches callers as a {@link StoreUnavailableException},
 * so that nothing above this adapter needs to know Lettuce. Applied to each port where {@link RedisStores} hands it
 * out, for every method at once, so that a port method added later cannot forget it.
 */
final class StoreFailures {

    private StoreFailures() {
    }

    /** {@code adapter} seen through {@code port}, with Lettuce's failures translated, whether signalled or thrown. */
    static <P> P translated(Class<P> port, P adapter) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port}, (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(adapter, args);
            } catch (InvocationTargetException e) {
                throw translate(e.getCause());
            }
            if (result instanceof Mono<?> mono) {
                return mono.onErrorMap(RedisException.class, StoreFailures::unavailable);
            }
            if (result instanceof Flux<?> flux) {
                return flux.onErrorMap(RedisException.class, StoreFailures::unavailable);
            }
            return result;
        }));
    }

    private static Throwable translate(Throwable failure) {
        return failure instanceof RedisException redis ? unavailable(redis) : failure;
    }

    private static StoreUnavailableException unavailable(RedisException failure) {
        return new StoreUnavailableException("Redis failed: " + failure.getMessage(), failure);
    }
}
