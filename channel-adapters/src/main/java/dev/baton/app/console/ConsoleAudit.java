package dev.baton.app.console;

import dev.baton.app.wire.InboundFrame;
import dev.baton.audit.Actor;
import dev.baton.audit.AuditTrail;
import dev.baton.audit.StaffAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.util.Locale;
import java.util.Map;

/**
 * The console's and the supervisor view's actions the audit log records once they succeeded: taking, passing on,
 * handing back, resolving, reassigning and taking over a conversation, writing a note (never its text), changing canned responses (never their text). Replies, typing and
 * reading are not recorded: the transcript has them. A log that cannot record is logged, never the agent's problem.
 */
final class ConsoleAudit {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAudit.class);

    private static final Map<String, StaffAction> AUDITED = Map.of(
            "accept", StaffAction.ACCEPTED,
            "transfer", StaffAction.TRANSFERRED,
            "hand_back", StaffAction.HANDED_BACK,
            "resolve", StaffAction.RESOLVED,
            "reassign", StaffAction.REASSIGNED,
            "take_over", StaffAction.TOOK_OVER,
            "note", StaffAction.NOTE_ADDED,
            "save_canned", StaffAction.CANNED_RESPONSE_SAVED,
            "delete_canned", StaffAction.CANNED_RESPONSE_DELETED);

    private final AuditTrail trail;

    ConsoleAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** Records {@code frame}'s action by {@code actor}, if it is one to record. */
    Mono<Void> done(Actor actor, InboundFrame frame) {
        StaffAction action = AUDITED.get(frame.type());
        if (action == null) {
            return Mono.empty();
        }
        boolean canned = frame.type().endsWith("_canned");
        String subject = canned
                ? "canned response " + frame.lenientText("scope").orElse("").toLowerCase(Locale.ROOT) + " "
                        + frame.lenientText("language").orElse("") + " /" + frame.lenientText("shortcut").orElse("")
                : frame.lenientText("conversationId").orElse("");
        String detail = action == StaffAction.TRANSFERRED || action == StaffAction.REASSIGNED ? "to " + frame.lenientText("to").orElse("") : "";
        return trail.record(actor, action, subject, detail).onErrorResume(e -> {
            log.warn("could not audit {}: {}", frame.type(), e.toString());
            return Mono.empty();
        });
    }
}
