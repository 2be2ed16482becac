package dev.baton.app.channel.whatsapp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What the Cloud API posts to the webhook ({@code object} {@code whatsapp_business_account}), as much of it as Baton
 * reads: the customers' messages, per business phone number. Delivery statuses and everything else are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record WhatsAppDelivery(String object, List<Entry> entry) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String id, List<Change> changes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Change(String field, Value value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Value(@JsonProperty("messaging_product") String messagingProduct, Metadata metadata, List<Message> messages) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metadata(@JsonProperty("display_phone_number") String displayPhoneNumber,
                    @JsonProperty("phone_number_id") String phoneNumberId) {
    }

    /** One message: {@code text} for {@code type} text, {@code interactive} for a reply button or list row chosen. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(String from, String id, String timestamp, String type, Text text, Interactive interactive) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Text(String body) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Interactive(String type, @JsonProperty("button_reply") Choice buttonReply, @JsonProperty("list_reply") Choice listReply) {
    }

    /** The chosen button's or row's {@code id} (what Baton gave it) and its {@code title}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Choice(String id, String title) {
    }
}
