package dev.baton.app.widget;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.app.privacy.PrivacyNoticeSettings;
import dev.baton.app.wire.InboundFrame;
import dev.baton.app.wire.OutboundFrame;
import dev.baton.app.wire.ProtocolException;
import dev.baton.app.wire.VisitorDataView;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationState;
import dev.baton.privacy.Consent;
import dev.baton.privacy.ConsentRecords;
import dev.baton.rights.VisitorDataRights;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Optional;

/**
 * The visitor's privacy on their own socket: the notice they must accept before writing (when the operator configured
 * one), and their rights to download and to erase everything held about them, which take the visitor token as proof.
 */
final class VisitorPrivacy {

    /** Conversations whose visitor consented, so that a visitor's every message does not cost a store read. */
    private static final int CONSENTS_REMEMBERED = 100_000;

    private final PrivacyNoticeSettings notice;
    private final ConsentRecords consents;
    private final VisitorDataRights rights;
    private final VisitorTokens tokens;
    private final Clock clock;
    private final Cache<String, Boolean> consented = Caffeine.newBuilder().maximumSize(CONSENTS_REMEMBERED).build();

    VisitorPrivacy(PrivacyNoticeSettings notice, ConsentRecords consents, VisitorDataRights rights, VisitorTokens tokens, Clock clock) {
        this.notice = notice;
        this.consents = consents;
        this.rights = rights;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** After the welcome: the notice, while one is configured and the visitor has not accepted it in this conversation. */
    Mono<Void> offerNotice(VisitorConnection connection, Conversation conversation, Optional<String> languageHint) {
        if (!notice.enabled() || conversation.state() == ConversationState.RESOLVED) {
            return Mono.empty();
        }
        return hasConsented(conversation.id())
                .filter(yes -> !yes)
                .doOnNext(no -> connection.outbox().send(new OutboundFrame.PrivacyNotice(conversation.id(), notice.version(),
                        notice.notice().orElseThrow().textIn(conversation.language().or(() -> languageHint)), notice.link())))
                .then();
    }

    /** Completes when the visitor may write here; errors with {@code consent_required} while the notice waits. */
    Mono<Void> requireConsent(VisitorConnection connection) {
        if (!notice.enabled()) {
            return Mono.empty();
        }
        return hasConsented(connection.conversationId()).flatMap(yes -> yes ? Mono.<Void>empty()
                : Mono.error(new ProtocolException("consent_required",
                "accept the privacy notice (accept_privacy_notice) before writing")));
    }

    /** An {@code accept_privacy_notice}: recorded with the conversation, for the notice as it is now. */
    Mono<Void> accept(VisitorConnection connection, InboundFrame frame) {
        String version = frame.requiredText("version");
        if (!notice.enabled() || !notice.version().equals(version)) {
            throw new ProtocolException("invalid_notice_version", notice.enabled()
                    ? "the privacy notice now in force is version " + notice.version() : "no privacy notice is in force");
        }
        String conversationId = connection.conversationId();
        return consents.record(Consent.accepted(conversationId, version, clock.instant()))
                .doOnNext(consent -> {
                    consented.put(conversationId, true);
                    connection.outbox().send(new OutboundFrame.PrivacyNoticeAccepted(conversationId, version, consent.at().toString()));
                })
                .then();
    }

    /** An {@code export_data}: everything held about this visitor, but for the agents' internal notes. */
    Mono<Void> export(VisitorConnection connection, InboundFrame frame) {
        String visitorId = provenVisitor(connection, frame);
        return rights.export(visitorId)
                .doOnNext(data -> connection.outbox().send(new OutboundFrame.DataExport(VisitorDataView.of(data.asTheVisitorSeesIt()))))
                .then();
    }

    /** An {@code erase_data}: everything held about this visitor goes; the socket then belongs to nobody's conversation. */
    Mono<Void> erase(VisitorConnection connection, InboundFrame frame) {
        String visitorId = provenVisitor(connection, frame);
        if (!frame.requiredBoolean("confirm")) {
            throw new ProtocolException("missing_field", "\"confirm\" must be true: an erasure cannot be undone");
        }
        return rights.erase(visitorId, VisitorDataRights.THE_VISITOR)
                .doOnNext(erased -> connection.outbox().send(new OutboundFrame.DataErased(VisitorDataView.ErasureView.of(erased))))
                .then();
    }

    private String provenVisitor(VisitorConnection connection, InboundFrame frame) {
        String visitorId = connection.visitorId();
        tokens.requireMatching(visitorId, frame.optionalText("visitorToken"));
        return visitorId;
    }

    private Mono<Boolean> hasConsented(String conversationId) {
        if (consented.getIfPresent(conversationId) != null) {
            return Mono.just(true);
        }
        return consents.of(conversationId)
                .filter(consent -> consent.noticeVersion().equals(notice.version()))
                .doOnNext(consent -> consented.put(conversationId, true))
                .hasElement();
    }
}
