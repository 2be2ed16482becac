package dev.baton.store.redis;

import dev.baton.inbox.InboxEntry;
import dev.baton.inbox.InboxReason;
import dev.baton.inbox.InboxWording;
import dev.baton.inbox.TrainerInbox;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The trainer's inbox in Redis: one hash holds every wording's fields, a sorted set when each was last seen (see
 * {@link RedisKeys}). Counting a message and forgetting what is too old or too much is one script; reading is one
 * {@code HGETALL} of a hash the limits keep small.
 */
public final class RedisTrainerInbox implements TrainerInbox {

    private static final LuaScript ADD = LuaScript.load(ScriptOutputType.INTEGER, "inbox-forget.lua", "inbox-add.lua");
    private static final LuaScript REMOVE = LuaScript.load(ScriptOutputType.INTEGER, "inbox-forget.lua", "inbox-remove.lua");
    private static final String REASONS = Arrays.stream(InboxReason.values()).map(Enum::name).collect(Collectors.joining(" "));

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;
    private final Clock clock;
    private final Limits limits;
    private final JsonCodec json;

    public RedisTrainerInbox(RedisReactiveCommands<String, String> redis, RedisKeys keys, Clock clock, Limits limits) {
        this(redis, keys, clock, limits, JsonCodec.withDefaultMapper());
    }

    RedisTrainerInbox(RedisReactiveCommands<String, String> redis, RedisKeys keys, Clock clock, Limits limits, JsonCodec json) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public Mono<Void> add(InboxEntry entry) {
        return Mono.defer(() -> ADD.run(redis, inboxKeys(), REASONS, entry.wordingId(), json.encode(entry),
                entry.at().toString(), String.valueOf(entry.at().toEpochMilli()), entry.reason().name(), entry.conversationId(),
                String.valueOf(cutoff().toEpochMilli()), String.valueOf(limits.maxWordings()),
                String.valueOf(CONVERSATIONS_KEPT))).then();
    }

    @Override
    public Flux<InboxWording> wordings() {
        return Flux.defer(() -> {
            Instant cutoff = cutoff();
            return redis.hgetall(keys.inbox()).collectMap(e -> e.getKey(), e -> e.getValue())
                    .flatMapIterable(this::read)
                    .filter(w -> !w.lastSeen().isBefore(cutoff));
        });
    }

    @Override
    public Mono<Void> remove(Collection<String> wordingIds) {
        if (wordingIds.isEmpty()) {
            return Mono.empty();
        }
        List<String> args = new ArrayList<>(wordingIds.size() + 1);
        args.add(REASONS);
        args.addAll(wordingIds);
        return Mono.defer(() -> REMOVE.run(redis, inboxKeys(), args.toArray(String[]::new))).then();
    }

    /** Reads every wording stored, also those past the retention that no add has dropped yet. */
    @Override
    public Mono<Integer> forgetConversations(Collection<String> conversationIds) {
        return redis.hgetall(keys.inbox()).collectMap(e -> e.getKey(), e -> e.getValue())
                .map(fields -> read(fields).stream().filter(w -> TrainerInbox.mentionsAny(w, conversationIds))
                        .map(InboxWording::id).toList())
                .flatMap(ids -> remove(ids).thenReturn(ids.size()));
    }

    /** The hash's fields ({@code id:latest}, {@code id:count}…) put back together per wording. */
    private List<InboxWording> read(Map<String, String> fields) {
        Map<String, Map<String, String>> byWording = new HashMap<>();
        fields.forEach((field, value) -> {
            int colon = field.indexOf(':');
            byWording.computeIfAbsent(field.substring(0, colon), id -> new HashMap<>()).put(field.substring(colon + 1), value);
        });
        List<InboxWording> wordings = new ArrayList<>();
        byWording.forEach((id, own) -> {
            // A wording forgotten between the script's steps cannot be seen, but one written by a newer node might lack
            // a field this node expects: it is skipped rather than failing the whole inbox.
            if (own.containsKey("latest") && own.containsKey("first") && own.containsKey("count")) {
                Map<InboxReason, Long> reasons = new EnumMap<>(InboxReason.class);
                for (InboxReason reason : InboxReason.values()) {
                    String n = own.get("reason:" + reason.name());
                    if (n != null) {
                        reasons.put(reason, Long.parseLong(n));
                    }
                }
                String conversations = own.getOrDefault("conversations", "");
                wordings.add(new InboxWording(id, json.decodeInboxEntry(own.get("latest")), Long.parseLong(own.get("count")),
                        reasons, conversations.isEmpty() ? List.of() : List.of(conversations.split(" ")),
                        IsoInstants.parse(own.get("first"))));
            }
        });
        return wordings;
    }

    private String[] inboxKeys() {
        return new String[]{keys.inbox(), keys.inboxLastSeen()};
    }

    private Instant cutoff() {
        return clock.instant().minus(limits.retention());
    }
}
