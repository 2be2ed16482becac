package dev.baton.app.privacy;

import dev.baton.app.audit.Actors;

import dev.baton.app.wire.VisitorDataView;
import dev.baton.app.wire.VisitorDataView.ErasureView;
import dev.baton.channel.ChannelAddress;
import dev.baton.customers.Contact;
import dev.baton.rights.VisitorDataRights;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The administrators' side of visitors' rights ({@code ADMIN} role): read out or erase everything held about a visitor
 * named by their id, or found by an email address or phone number they wrote or left. Each request names exactly one of
 * {@code visitorId}, {@code email} and {@code phone}; every export and erasure is in the audit log, with counts only.
 */
@RestController
@RequestMapping("/api/admin/visitor-data")
class AdminVisitorDataController {

    private static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final VisitorDataRights rights;

    AdminVisitorDataController(VisitorDataRights rights) {
        this.rights = rights;
    }

    /**
     * {@code {"visitors": [ …one document per visitor found… ]}}: for a visitor id, theirs and that of each visitor linked
     * with them as the same customer; for a contact, any number.
     */
    @GetMapping
    Mono<Map<String, List<VisitorDataView>>> export(@RequestParam Optional<String> visitorId, @RequestParam Optional<String> email,
                                                    @RequestParam Optional<String> phone, Principal admin,
                                                    ServerHttpRequest request) {
        Subject subject = Subject.of(visitorId, email, phone);
        var found = subject.contact().isPresent()
                ? rights.exportFor(subject.contact().get(), Actors.of(admin, request))
                : rights.exportFor(subject.visitorId().orElseThrow(), Actors.of(admin, request));
        return found.map(VisitorDataView::of).collectList().map(visitors -> Map.of("visitors", visitors));
    }

    /** {@code {"erased": {visitors, conversations, closed, messages, leftMessages, inboxEntries}}}. */
    @DeleteMapping
    Mono<Map<String, ErasureView>> erase(@RequestParam Optional<String> visitorId, @RequestParam Optional<String> email,
                                         @RequestParam Optional<String> phone, Principal admin,
                                         ServerHttpRequest request) {
        Subject subject = Subject.of(visitorId, email, phone);
        var erasure = subject.contact().isPresent()
                ? rights.erase(subject.contact().get(), Actors.of(admin, request))
                : rights.erase(subject.visitorId().orElseThrow(), Actors.of(admin, request));
        return erasure.map(erased -> Map.of("erased", ErasureView.of(erased)));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", "bad_request", "message", e.getMessage()));
    }

    /** Whom a request is about: a visitor id, or a contact to find visitors by. */
    private record Subject(Optional<String> visitorId, Optional<Contact> contact) {
        static Subject of(Optional<String> visitorId, Optional<String> email, Optional<String> phone) {
            long given = java.util.stream.Stream.of(visitorId, email, phone).filter(Optional::isPresent).count();
            if (given != 1) {
                throw new IllegalArgumentException("name exactly one of visitorId, email and phone");
            }
            if (visitorId.isPresent() && !VISITOR_ID.matcher(visitorId.get()).matches() && ChannelAddress.of(visitorId.get()).isEmpty()) {
                throw new IllegalArgumentException("visitorId must be a widget's (8 to 64 characters of A-Z, a-z, 0-9, _ and -) "
                        + "or a channel's (channel:address, e.g. whatsapp:393331234567)");
            }
            return new Subject(visitorId, email.map(Contact::email).or(() -> phone.map(Contact::phone)));
        }
    }
}
