package dev.baton.channel;

import reactor.core.publisher.Mono;

/**
 * How replies reach visitors on one messaging channel: the one output port every channel implements. A channel
 * needs only {@link #sendText}; richer renderings are optional, and by default quick replies become numbered
 * options, which the visitor answers with the number or the text (see {@link Choices}).
 *
 * <p>A send that fails signals {@link DeliveryFailedException}, saying whether trying again may help and when.
 */
public interface OutputChannel {

    /** The channel's name, as in its visitors' ids ({@code telegram}). */
    String name();

    /** A name for people: "Telegram". */
    String title();

    Mono<Void> sendText(String address, String text);

    /** Sends {@code reply}; without an override, its choices as numbered options under its text. */
    default Mono<Void> send(Reply reply) {
        return sendText(reply.to().address(), Choices.numbered(reply.text(), reply.choices()));
    }
}
