package dev.baton.store.redis;

import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Conversation;
import dev.baton.events.ConversationEvent;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.conversation.Mood;
import dev.baton.conversation.Sender;
import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.LeftMessage;
import dev.baton.store.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static dev.baton.store.Fixtures.ALICE;
import static dev.baton.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonCodecTest {

    private final JsonCodec json = JsonCodec.withDefaultMapper();

    @Test
    void aConversationWithEveryFieldSurvivesTheRoundTrip() {
        Conversation full = Fixtures.waiting("v-3f9a1c2e", T0).assign(ALICE, T0.plusSeconds(5));
        assertThat(full.handoff()).isPresent();
        assertThat(full.considered()).isNotEmpty();

        assertThat(json.decodeConversation(json.encode(full))).isEqualTo(full);
    }

    @Test
    void aConversationWithNothingOptionalSurvivesTheRoundTrip() {
        Conversation bare = Conversation.start("c-1", "v-3f9a1c2e", Optional.empty(), T0);

        String encoded = json.encode(bare);

        assertThat(json.decodeConversation(encoded)).isEqualTo(bare);
        assertThat(encoded).doesNotContain("language", "handoff", "agent", "null");
    }

    @Test
    void messagesSurviveTheRoundTripWithWhyTheBotWroteThem() {
        Message withEverything = Message.stored(41, "c-1", Fixtures.botAnswer().replyingTo(40), T0);
        Message withABareDecision = Message.stored(42, "c-1", MessageDraft.fromBot("Ti passo a una persona", List.of())
                .decidedBy(Fixtures.visitorAskedForAPerson()), T0);
        Message bare = Fixtures.message(43, "c-1");

        assertThat(List.of(withEverything, withABareDecision, bare))
                .allSatisfy(m -> assertThat(json.decodeMessage(json.encode(m))).isEqualTo(m));
        assertThat(json.encode(bare)).doesNotContain("decision", "replyTo", "intent", "null");
    }

    @Test
    void messagesStoredBeforeDecisionsWereKeptStillRead() {
        String before = "{\"id\":3,\"v\":1,\"conversationId\":\"c-1\",\"from\":\"BOT\",\"text\":\"Spedizione gratuita\","
                + "\"quickReplies\":[{\"label\":\"Tempi\",\"payload\":\"intent:delivery_times\"}],"
                + "\"at\":\"2026-11-23T18:04:05.123Z\",\"intent\":\"shipping\",\"replyTo\":2}";

        Message read = json.decodeMessage(before);

        assertThat(read.id()).isEqualTo(3);
        assertThat(read.intent()).contains("shipping");
        assertThat(read.replyTo()).hasValue(2);
        assertThat(read.decision()).isEmpty();
    }

    @Test
    void leftMessagesSurviveTheRoundTrip() {
        LeftMessage withContact = Fixtures.leftMessage("call me", Optional.of("+39 333 1234567"), T0);
        LeftMessage withoutContact = Fixtures.leftMessage("never mind", Optional.empty(), T0);

        assertThat(json.decodeLeftMessage(json.encode(withContact))).isEqualTo(withContact);
        assertThat(json.decodeLeftMessage(json.encode(withoutContact))).isEqualTo(withoutContact);
    }

    @Test
    void everyKindOfEventSurvivesTheRoundTrip() {
        Conversation c = Fixtures.waiting("v-3f9a1c2e", T0);
        List<ConversationEvent> events = List.of(
                new ConversationEvent.MessageAdded(c.id(), Fixtures.message(3, c.id())),
                new ConversationEvent.StateChanged(c.id(), c),
                new ConversationEvent.Typing(c.id(), Sender.VISITOR),
                new ConversationEvent.MessageLeft(c.id(), Fixtures.leftMessage("call me", Optional.empty(), T0)),
                new ConversationEvent.QueueChanged(c.id()),
                new ConversationEvent.VisitorPresenceChanged(c.id(), dev.baton.handoff.Sighting.onlineNow()),
                new ConversationEvent.VisitorPresenceChanged(c.id(), dev.baton.handoff.Sighting.lastSeenAt(T0)),
                new ConversationEvent.AgentPresenceChanged("alice"),
                new ConversationEvent.AgentSignedOut("alice"),
                new ConversationEvent.StateChanged(c.id(), c.assign(Fixtures.ALICE, T0).transferToTeam("billing", T0)),
                new ConversationEvent.AutoAssigned(c.id(), "alice"));

        assertThat(events).allSatisfy(e -> assertThat(json.decodeEvent(json.encode(e))).contains(e));
    }

    @Test
    void readsAVersionOneConversationWrittenByAnOlderOrNewerNode() {
        String stored = """
                {"v":1,"id":"c-1","visitorId":"v-3f9a1c2e","state":"WITH_AGENT","language":"it",
                 "consecutiveFailures":0,"considered":[{"intent":"refunds","title":"Rimborsi","confidence":0.41}],
                 "handoff":{"customerWants":"Rimborso","intents":[],"reason":"VISITOR_ASKED","language":"it",
                            "mood":"ANGRY","waitingSince":"2026-11-23T18:04:05Z","previousConversations":2,
                            "somethingNew":{"nested":[1,2,3]}},
                 "agent":{"username":"alice","displayName":"Alice"},
                 "startedAt":"2026-11-23T18:00:00Z","updatedAt":"2026-11-23T18:05:00.5Z",
                 "priority":"high"}
                """;

        Conversation c = json.decodeConversation(stored);

        assertThat(c.state()).isEqualTo(ConversationState.WITH_AGENT);
        assertThat(c.language()).contains("it");
        assertThat(c.considered()).singleElement().satisfies(i -> assertThat(i.confidence()).isEqualTo(0.41));
        assertThat(c.handoff()).get().satisfies(h -> {
            assertThat(h.reason()).isEqualTo(HandoffReason.VISITOR_ASKED);
            assertThat(h.mood()).isEqualTo(Mood.ANGRY);
            assertThat(h.languageNote()).isEmpty();
            assertThat(h.moodSignals()).isEmpty();
            assertThat(h.details()).isEmpty();
            assertThat(h.botTried()).isEmpty();
            assertThat(h.previousConversations()).isEqualTo(2);
        });
        assertThat(c.agent()).contains(ALICE);
        assertThat(c.updatedAt()).isEqualTo(Instant.parse("2026-11-23T18:05:00.500Z"));
    }

    @Test
    void optionalFieldsWrittenAsNullReadAsEmpty() {
        Message m = json.decodeMessage("""
                {"id":5,"v":1,"conversationId":"c-1","from":"VISITOR","text":"hi","at":"2026-11-23T18:04:05Z",
                 "authorName":null,"clientMessageId":null}
                """);

        assertThat(m.authorName()).isEmpty();
        assertThat(m.clientMessageId()).isEmpty();
        assertThat(m.quickReplies()).isEmpty();
    }

    @Test
    void aMessageAddedEventFromANewerNodeReadsPastFieldsItDoesNotKnow() {
        String event = """
                {"v":1,"origin":{"node":"n-7","tags":["a",{"b":null}]},"conversationId":"c-1","type":"MessageAdded",
                 "message":{"id":7,"v":1,"reactions":[{"emoji":"+1","count":2}],"conversationId":"c-1","from":"BOT",
                            "text":"Spediamo in 2 giorni","quickReplies":[{"label":"Resi","payload":"intent:returns","icon":"box"}],
                            "at":"2026-11-23T18:04:05Z","intent":"shipping","priority":3},
                 "trace":[1,2,3]}
                """;

        assertThat(json.decodeEvent(event)).get().isInstanceOfSatisfying(ConversationEvent.MessageAdded.class, added -> {
            assertThat(added.message().id()).isEqualTo(7);
            assertThat(added.message().text()).isEqualTo("Spediamo in 2 giorni");
            assertThat(added.message().quickReplies()).extracting(q -> q.payload()).containsExactly("intent:returns");
            assertThat(added.message().intent()).contains("shipping");
        });
    }

    @Test
    void anEventOfATypeThisNodeDoesNotKnowReadsAsNothing() {
        assertThat(json.decodeEvent("{\"v\":2,\"type\":\"AgentWaved\",\"conversationId\":\"c-1\"}")).isEmpty();
    }

    @Test
    void aDocumentMissingARequiredFieldIsRefusedWithItsName() {
        assertThatThrownBy(() -> json.decodeConversation("{\"v\":1,\"id\":\"c-1\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("visitorId");
    }

    @Test
    void aDirectoryAgentStoredBeforeTheDirectoryGaveTeamsOrRolesIsInNoTeamAndNoSupervisor() {
        AgentRoster.Member dana = json.decodeDirectoryAgent(
                "{\"v\":1,\"username\":\"dana\",\"name\":\"Dana Ortiz\",\"capacity\":3,\"signedInAt\":\"2026-11-23T18:00:00Z\"}").toMember();

        assertThat(dana).isEqualTo(new AgentRoster.Member(new AgentRef("dana", "Dana Ortiz"), 3));
    }
}
