package dev.baton.channel;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.conversation.Sender;
import dev.baton.engine.BeforeAnswering;
import dev.baton.privacy.Consent;
import dev.baton.privacy.ConsentRecords;
import dev.baton.privacy.PrivacyNotice;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The privacy notice on messaging channels. A chat cannot hold a visitor's first message back until they accept a
 * notice, as the widget does; so, when the operator configured one, it is the first reply of every new conversation —
 * a bot message in the transcript, sent like any other and seen by agents — and the visitor's consent is recorded as
 * informed via the channel.
 */
public final class ChannelPrivacyNotice implements BeforeAnswering {

    /** The notice's client message id: the transcript keeps it once, however often a first message is retried. */
    static final String CLIENT_MESSAGE_ID = "privacy-notice";

    private final Optional<PrivacyNotice> notice;
    private final ConversationStore conversations;
    private final ConsentRecords consents;
    private final Clock clock;

    /** @param notice the notice in force; empty when none is configured, and then nothing is sent */
    public ChannelPrivacyNotice(Optional<PrivacyNotice> notice, ConversationStore conversations, ConsentRecords consents, Clock clock) {
        this.notice = notice;
        this.conversations = conversations;
        this.consents = consents;
        this.clock = clock;
    }

    /** After the visitor's first message of a conversation: the notice, in their language, with the policy's address. */
    @Override
    public Mono<Void> run(Conversation conversation, Message stored) {
        if (notice.isEmpty() || stored.id() != 1 || stored.from() != Sender.VISITOR) {
            return Mono.empty();
        }
        PrivacyNotice inForce = notice.get();
        String text = inForce.textIn(conversation.language()) + inForce.link().map(link -> "\n\n" + link).orElse("");
        MessageDraft draft = new MessageDraft(Sender.BOT, text, List.of(), Optional.empty(), Optional.of(CLIENT_MESSAGE_ID),
                Optional.empty(), OptionalLong.empty(), Optional.empty());
        return conversations.appendOnce(conversation.id(), draft)
                .then(Mono.defer(() -> consents.record(new Consent(conversation.id(), inForce.version(), clock.instant(),
                        Consent.How.INFORMED_VIA_CHANNEL))))
                .then();
    }
}
