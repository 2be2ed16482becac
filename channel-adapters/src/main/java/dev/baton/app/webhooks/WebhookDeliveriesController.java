package dev.baton.app.webhooks;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** What administrators see of the events out: the endpoints (without their secrets) and the delivery log. */
@RestController
class WebhookDeliveriesController {

    record EndpointView(String url, List<String> events) {
    }

    record DeliveriesView(List<EndpointView> endpoints, List<WebhookDeliveries.Delivery> deliveries) {
    }

    private final WebhookSettings settings;
    private final WebhookDeliveries deliveries;

    WebhookDeliveriesController(WebhookSettings settings, WebhookDeliveries deliveries) {
        this.settings = settings;
        this.deliveries = deliveries;
    }

    /** This node's newest deliveries, newest first: each node keeps those it made. */
    @GetMapping("/api/admin/webhooks")
    DeliveriesView deliveries() {
        return new DeliveriesView(settings.endpoints().stream()
                .map(e -> new EndpointView(e.url().toString(), e.events().stream().sorted().toList())).toList(),
                deliveries.newestFirst());
    }
}
