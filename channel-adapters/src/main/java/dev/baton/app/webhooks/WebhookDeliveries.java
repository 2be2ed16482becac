package dev.baton.app.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The newest deliveries this node made (or gave up on), newest first, for administrators to see what a receiver
 * got; bounded, so it never grows with traffic.
 */
final class WebhookDeliveries {

    /**
     * @param outcome  {@code delivered}, or {@code failed} once every attempt failed (or the receiver refused it for good)
     * @param status   the receiver's last HTTP status, if it answered
     * @param error    why the last attempt failed, if it did
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delivery(String eventId, String type, String conversationId, String url, String outcome, int attempts,
                    Integer status, String error, String at) {
    }

    private final Deque<Delivery> newestFirst = new ArrayDeque<>();
    private final int kept;

    WebhookDeliveries(int kept) {
        this.kept = kept;
    }

    synchronized void record(Delivery delivery) {
        newestFirst.addFirst(delivery);
        while (newestFirst.size() > kept) {
            newestFirst.removeLast();
        }
    }

    synchronized List<Delivery> newestFirst() {
        return new ArrayList<>(newestFirst);
    }
}
