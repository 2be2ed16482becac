package dev.baton.channel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.conversation.Sender;
import dev.baton.engine.Handoffs;
import dev.baton.engine.SatisfactionSurvey;
import dev.baton.events.ConversationEvent;
import dev.baton.events.ConversationEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings what is said in conversations on messaging channels to their visitors: the bot's answers, handoff notices,
 * agents' messages and notes about the conversation, and — once an agent resolved it — the satisfaction question.
 * It follows the events, which every node hears from every node, so a message stored on any node (an agent's reply
 * on node B in a conversation whose webhooks reach node A) goes out; of all the nodes that hear of it, the one that
 * {@linkplain DeliveryClaims claims} it sends it, so it goes out once. Each conversation's messages are sent in order.
 * A message its channel still refused after the {@link DeliveryRetry retries} becomes a note in the transcript
 * ("Not delivered to Telegram: …") for the agents; nothing fails silently.
 */
public final class ChannelDelivery {

    private static final Logger log = LoggerFactory.getLogger(ChannelDelivery.class);
    /** A conversation quiet for this long stops holding its own ordered lane; its next message opens a new one. */
    private static final Duration IDLE_LANE = Duration.ofSeconds(30);
    /** Conversations sending at once; more wait their turn (their events stay buffered on the bus). */
    private static final int LANES = 4096;
    /** Events whose conversation's channel is looked up at once (a store read the first time a node hears of it). */
    private static final int LOOKUPS_AT_ONCE = 64;
    private static final int REMEMBERED_CONVERSATIONS = 10_000;

    private final ConversationEvents events;
    private final DeliveryClaims claims;
    private final Map<String, OutputChannel> channels;
    private final ConversationStore conversations;
    private final SatisfactionSurvey survey;
    private final Handoffs handoffs;
    private final DeliveryRetry retry;
    /** Which channel each conversation is on, so that a message's channel costs one read per conversation. */
    private final Cache<String, Optional<ChannelAddress>> addresses = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_CONVERSATIONS).expireAfterAccess(Duration.ofHours(1)).build();
    /** When each conversation's visitor last wrote, as heard from the events (read from the transcript when not heard). */
    private final Cache<String, Instant> visitorWrote = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_CONVERSATIONS).expireAfterAccess(Duration.ofHours(1)).build();

    public ChannelDelivery(ConversationEvents events, DeliveryClaims claims, Collection<OutputChannel> channels,
                           ConversationStore conversations, SatisfactionSurvey survey, Handoffs handoffs, DeliveryRetry retry) {
        this.handoffs = handoffs;
        this.events = events;
        this.claims = claims;
        this.channels = channels.stream().collect(Collectors.toUnmodifiableMap(OutputChannel::name, Function.identity()));
        this.conversations = conversations;
        this.survey = survey;
        this.retry = retry;
    }

    /** The delivery, from subscription until disposed; it never errors (a failure is logged, or noted in the transcript). */
    public Flux<Void> run() {
        return events.observe()
                .doOnError(e -> log.warn("conversation events overflowed; some channel messages may be missed: {}", e.toString()))
                .retry()
                .filter(ChannelDelivery::mayConcernAVisitor)
                // Only conversations on this node's channels get a lane: the widget's, however many, pass by here.
                .flatMapSequential(event -> onAChannel(event).map(to -> new Addressed(event, to)), LOOKUPS_AT_ONCE)
                .groupBy(addressed -> addressed.event().conversationId())
                .flatMap(lane -> lane.timeout(IDLE_LANE, Flux.empty()).concatMap(this::deliver), LANES);
    }

    /** An event of a conversation on one of this node's channels, and where its visitor is. */
    private record Addressed(ConversationEvent event, ChannelAddress to) {
    }

    /**
     * A message: one the visitor reads, or one they wrote (when they last wrote is remembered); a conversation that
     * joined the queue (the visitor is told their place) or that an agent resolved (which asks the satisfaction
     * question).
     */
    private static boolean mayConcernAVisitor(ConversationEvent event) {
        if (event instanceof ConversationEvent.MessageAdded added) {
            return added.message().from() != Sender.NOTE;
        }
        if (!(event instanceof ConversationEvent.StateChanged changed)) {
            return false;
        }
        Conversation conversation = changed.conversation();
        return conversation.state() == ConversationState.WAITING_FOR_AGENT
                || (conversation.state() == ConversationState.RESOLVED && conversation.agent().isPresent());
    }

    private Mono<Void> deliver(Addressed addressed) {
        ConversationEvent event = addressed.event();
        Mono<Void> delivery;
        if (event instanceof ConversationEvent.StateChanged changed) {
            delivery = changed.conversation().state() == ConversationState.WAITING_FOR_AGENT
                    ? tellPlaceOnce(addressed.to(), changed.conversation())
                    : askOnce(changed.conversation());
        } else {
            Message message = ((ConversationEvent.MessageAdded) event).message();
            if (message.from() == Sender.VISITOR) {
                visitorWrote.put(message.conversationId(), message.at());
                return Mono.empty();
            }
            delivery = sendOnce(addressed.to(), message);
        }
        return delivery.onErrorResume(failure -> {
            log.warn("Could not deliver an event of conversation {} to its channel: {}", event.conversationId(), failure.toString());
            return Mono.empty();
        });
    }

    /** Where the event's visitor is, if on a channel of this node's; empty otherwise, and when it cannot be read now. */
    private Mono<ChannelAddress> onAChannel(ConversationEvent event) {
        Mono<ChannelAddress> address;
        if (event instanceof ConversationEvent.StateChanged changed) {
            Optional<ChannelAddress> known = ChannelAddress.of(changed.conversation().visitorId());
            addresses.put(event.conversationId(), known);
            address = Mono.justOrEmpty(known);
        } else {
            address = addressOf(event.conversationId());
        }
        return address.filter(to -> channels.containsKey(to.channel()))
                .onErrorResume(failure -> {
                    log.warn("Could not read which channel conversation {} is on: {}", event.conversationId(), failure.toString());
                    return Mono.empty();
                });
    }

    /** Where a conversation's visitor is, if on a channel this node sends to; read once, then remembered. */
    private Mono<ChannelAddress> addressOf(String conversationId) {
        Optional<ChannelAddress> known = addresses.getIfPresent(conversationId);
        Mono<Optional<ChannelAddress>> address = known != null ? Mono.just(known)
                : conversations.find(conversationId)
                        .map(c -> ChannelAddress.of(c.visitorId()))
                        .doOnNext(found -> addresses.put(conversationId, found));
        return address.flatMap(Mono::justOrEmpty);
    }

    private Mono<Void> sendOnce(ChannelAddress to, Message message) {
        OutputChannel channel = channels.get(to.channel());
        return claims.claim("out:" + message.conversationId() + ":" + message.id())
                .filter(Boolean::booleanValue)
                .flatMap(mine -> visitorLastWrote(message.conversationId()))
                .flatMap(lastWrote -> channel.send(new Reply(to, message.id(), message.text(), message.quickReplies(), lastWrote))
                        .retryWhen(retry.spec())
                        .onErrorResume(failure -> notDelivered(channel, message, failure)));
    }

    private Mono<Optional<Instant>> visitorLastWrote(String conversationId) {
        Instant heard = visitorWrote.getIfPresent(conversationId);
        return heard != null ? Mono.just(Optional.of(heard))
                : conversations.transcript(conversationId, 0)
                        .filter(m -> m.from() == Sender.VISITOR)
                        .takeLast(1)
                        .next()
                        .map(m -> Optional.of(m.at()))
                        .defaultIfEmpty(Optional.empty());
    }

    private Mono<Void> notDelivered(OutputChannel channel, Message message, Throwable failure) {
        String reason = failure instanceof DeliveryFailedException refused ? refused.getMessage() : failure.toString();
        log.warn("Message {} of conversation {} not delivered to {}: {}", message.id(), message.conversationId(), channel.name(), reason);
        // A note: agents read it, and it is never sent to the channel itself, which would fail again.
        return conversations.append(message.conversationId(), MessageDraft.note(channel.title(),
                "Message " + message.id() + " was not delivered to " + channel.title() + ": " + reason, Optional.empty())).then();
    }

    /**
     * Tells a visitor who just joined the queue their place, once per time they joined (a StateChanged event also
     * comes for other changes while waiting, e.g. the visitor going), by whichever node claims it. Not a transcript
     * message: the widget shows the place in a banner that stays current, a chat gets it once.
     */
    private Mono<Void> tellPlaceOnce(ChannelAddress to, Conversation waiting) {
        OutputChannel channel = channels.get(to.channel());
        return claims.claim("queued:" + waiting.id() + ":" + waiting.handoff().map(h -> h.waitingSince().toEpochMilli()).orElse(0L))
                .filter(Boolean::booleanValue)
                .flatMap(mine -> handoffs.placeInQueue(waiting))
                .zipWith(visitorLastWrote(waiting.id()))
                // Not a message of the transcript: no id of its own, no choices.
                .flatMap(place -> channel.send(new Reply(to, 0, place.getT1(), List.of(), place.getT2())).retryWhen(retry.spec()))
                .onErrorResume(failure -> {
                    log.warn("Could not tell the visitor of conversation {} their place in the queue on {}: {}", waiting.id(),
                            channel.name(), failure.toString());
                    return Mono.empty();
                });
    }

    private Mono<Void> askOnce(Conversation resolved) {
        return claims.claim("survey:" + resolved.id())
                .filter(Boolean::booleanValue)
                .flatMap(mine -> survey.askInTranscript(resolved))
                .then();
    }
}
