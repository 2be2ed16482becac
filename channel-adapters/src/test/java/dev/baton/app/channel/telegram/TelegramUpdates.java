package dev.baton.app.channel.telegram;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

/** Updates as Telegram posts them, made from the documented examples in {@code channels/telegram}. */
public final class TelegramUpdates {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong NEXT_UPDATE = new AtomicLong(10_000);

    private TelegramUpdates() {
    }

    /** A text message from {@code chatId}, with a new update id. */
    public static String message(long chatId, String text) {
        ObjectNode update = fixture("message-update.json");
        update.put("update_id", NEXT_UPDATE.incrementAndGet());
        ObjectNode message = (ObjectNode) update.get("message");
        ((ObjectNode) message.get("chat")).put("id", chatId);
        ((ObjectNode) message.get("from")).put("id", chatId);
        message.put("text", text);
        return JSON.writeValueAsString(update);
    }

    /** A button with {@code data} pressed in {@code chatId}, with a new update id. */
    public static String pressed(long chatId, String data) {
        ObjectNode update = fixture("callback-query-update.json");
        update.put("update_id", NEXT_UPDATE.incrementAndGet());
        ObjectNode query = (ObjectNode) update.get("callback_query");
        ((ObjectNode) query.get("from")).put("id", chatId);
        ((ObjectNode) query.get("message").get("chat")).put("id", chatId);
        query.put("data", data);
        return JSON.writeValueAsString(update);
    }

    private static ObjectNode fixture(String name) {
        try (InputStream in = TelegramUpdates.class.getResourceAsStream("/channels/telegram/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
