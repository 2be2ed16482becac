package dev.baton.store.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script run atomically by Redis: sent by its SHA-1 ({@code EVALSHA}), and in full only when Redis does
 * not know it yet (first use, or after a restart emptied its script cache).
 */
final class LuaScript {

    private final String source;
    private final String sha1;
    private final ScriptOutputType output;

    LuaScript(String source, ScriptOutputType output) {
        this.source = source;
        this.output = output;
        this.sha1 = sha1(source);
    }

    <T> Flux<T> run(RedisReactiveCommands<String, String> redis, String[] keys, String... args) {
        return redis.<T>evalsha(sha1, output, keys, args)
                .onErrorResume(RedisNoScriptException.class, unknown -> redis.eval(source, output, keys, args));
    }

    private static String sha1(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
