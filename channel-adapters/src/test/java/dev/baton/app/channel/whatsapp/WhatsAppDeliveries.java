package dev.baton.app.channel.whatsapp;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;

/** Deliveries as the Cloud API posts them, made from the documented examples in {@code channels/whatsapp}, and signed. */
final class WhatsAppDeliveries {

    static final String PHONE_NUMBER_ID = "106540352242922";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private WhatsAppDeliveries() {
    }

    /** A text message from {@code from}, with a new message id. */
    static String text(String from, String body) {
        ObjectNode delivery = fixture("text-message.json");
        ObjectNode message = message(delivery, from);
        ((ObjectNode) message.get("text")).put("body", body);
        return JSON.writeValueAsString(delivery);
    }

    /** The reply button {@code id} chosen by {@code from}, with a new message id. */
    static String buttonReply(String from, String id, String title) {
        ObjectNode delivery = fixture("button-reply.json");
        ObjectNode chosen = (ObjectNode) message(delivery, from).get("interactive").get("button_reply");
        chosen.put("id", id).put("title", title);
        return JSON.writeValueAsString(delivery);
    }

    /** The list row {@code id} chosen by {@code from}, with a new message id. */
    static String listReply(String from, String id, String title) {
        ObjectNode delivery = fixture("list-reply.json");
        ObjectNode chosen = (ObjectNode) message(delivery, from).get("interactive").get("list_reply");
        chosen.put("id", id).put("title", title);
        return JSON.writeValueAsString(delivery);
    }

    /** {@code delivery} as if for another business phone number. */
    static String forAnotherNumber(String delivery) {
        ObjectNode read = (ObjectNode) JSON.readTree(delivery);
        ((ObjectNode) read.get("entry").get(0).get("changes").get(0).get("value").get("metadata")).put("phone_number_id", "999");
        return JSON.writeValueAsString(read);
    }

    /** What {@code X-Hub-Signature-256} carries for {@code body}: its HMAC-SHA256 under {@code appSecret}, in hex. */
    static String signature(String body, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode message(ObjectNode delivery, String from) {
        ObjectNode value = (ObjectNode) delivery.get("entry").get(0).get("changes").get(0).get("value");
        ((ObjectNode) value.get("contacts").get(0)).put("wa_id", from);
        ObjectNode message = (ObjectNode) value.get("messages").get(0);
        message.put("from", from).put("id", "wamid." + UUID.randomUUID());
        return message;
    }

    private static ObjectNode fixture(String name) {
        try (InputStream in = WhatsAppDeliveries.class.getResourceAsStream("/channels/whatsapp/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
