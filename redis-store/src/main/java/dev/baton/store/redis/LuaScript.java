package dev.baton.store.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script run atomically by Redis, kept in {@code .lua} resources beside this class (see {@link #load}): sent by its SHA-1 ({@code EVALSHA}), and in full only when Redis does
 * not know it yet (first use, or after a restart emptied its script cache).
 *
 * <p>Scripts go through Lettuce's asynchronous API, wrapped in a {@code Mono}: for a command with one reply it
 * costs less client CPU than the reactive API's publisher machinery (a bare {@code GET} here: 9 µs instead of
 * 14 µs), and scripts are most of what a busy node sends.
 */
final class LuaScript {

    private final String source;
    private final String sha1;
    private final ScriptOutputType output;

    private LuaScript(String source, ScriptOutputType output) {
        this.source = source;
        this.output = output;
        this.sha1 = sha1(source);
    }

    /**
     * The script made of {@code files} (resources beside this class), in order: the functions a script shares with
     * others come first, then its body.
     */
    static LuaScript load(ScriptOutputType output, String... files) {
        StringBuilder source = new StringBuilder();
        for (String file : files) {
            try (InputStream in = LuaScript.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("no Lua script " + file + " beside " + LuaScript.class.getName());
                }
                source.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Lua script " + file, e);
            }
        }
        return new LuaScript(source.toString(), output);
    }

    /** The script's result; empty when it returns nil. */
    <T> Mono<T> run(RedisReactiveCommands<String, String> redis, String[] keys, String... args) {
        RedisAsyncCommands<String, String> async = redis.getStatefulConnection().async();
        return Mono.fromCompletionStage(() -> async.<T>evalsha(sha1, output, keys, args))
                .onErrorResume(RedisNoScriptException.class,
                        unknown -> Mono.fromCompletionStage(() -> async.<T>eval(source, output, keys, args)));
    }

    private static String sha1(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
