package dev.baton.app.wire;

import dev.baton.canned.CannedResponse;
import dev.baton.channel.ChannelAddress;
import dev.baton.customers.Customer;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.HandoffSummary;
import dev.baton.conversation.VisitorContext;
import dev.baton.satisfaction.SatisfactionRating;
import dev.baton.handoff.AgentAvailability;
import dev.baton.handoff.FollowUp;
import dev.baton.handoff.LeftMessage;
import dev.baton.handoff.QueueStatus;
import dev.baton.handoff.Sighting;
import dev.baton.handoff.SuggestedAnswer;
import dev.baton.handoff.Team;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The objects frames are made of besides messages ({@link MessageView}), each as docs/protocol.md shows it. */
public final class FrameParts {

    private FrameParts() {
    }

    static double threeDecimals(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** Where a waiting visitor stands. */
    public record QueueView(int position, Long estimatedWaitSeconds, int agentsOnline) {
        public static QueueView of(Optional<QueueStatus> status) {
            // With nobody online any estimate would be a guess dressed up as a promise.
            return status.map(s -> new QueueView(s.position(), s.agentsOnline() == 0 ? null : Long.valueOf(s.estimatedWaitSeconds()),
                    s.agentsOnline())).orElse(null);
        }
    }

    /** Whether a conversation's visitor is online, or since when they are gone. */
    public record VisitorSeen(boolean visitorOnline, String visitorLastSeen) {
        public static VisitorSeen of(Sighting visitor) {
            return new VisitorSeen(visitor.online(), visitor.lastSeen().map(Object::toString).orElse(null));
        }
    }

    public record SummaryView(String customerWants, List<IntentView> intents, String reason, String reasonText,
                              String language, String languageNote, String mood, List<String> moodSignals,
                              List<DetailView> details, List<String> botTried, String waitingSince,
                              int previousConversations) {

        public static SummaryView of(Optional<HandoffSummary> maybeSummary) {
            return maybeSummary.map(s -> new SummaryView(s.customerWants(),
                    s.intents().stream().map(i -> new IntentView(i.intent(), i.title(), threeDecimals(i.confidence()))).toList(),
                    s.reason().name(), s.reason().explanation(), s.language(), s.languageNote().orElse(null), s.mood().name(),
                    s.moodSignals(), s.details().stream().map(d -> new DetailView(d.kind(), d.value())).toList(),
                    s.botTried(), s.waitingSince().toString(), s.previousConversations())).orElse(null);
        }
    }

    public record IntentView(String intent, String title, double confidence) {
    }

    public record DetailView(String kind, String value) {
    }

    /** A waiting conversation in the agents' queue; {@code team} is null without teams. */
    public record QueueEntry(String conversationId, int position, String waitingSince, SummaryView summary,
                             boolean visitorOnline, String visitorLastSeen, String channel, String team) {
        public static QueueEntry of(Conversation queued, int position, Sighting visitor) {
            VisitorSeen seen = VisitorSeen.of(visitor);
            return new QueueEntry(queued.id(), position, queued.handoff().map(s -> s.waitingSince().toString()).orElse(null),
                    SummaryView.of(queued.handoff()), seen.visitorOnline(), seen.visitorLastSeen(), ChannelAddress.channelOf(queued.visitorId()),
                    queued.team().orElse(null));
        }
    }

    /**
     * One of an agent's open conversations, with the instants its two timers count from: since when it waits for people
     * (the handoff) and since when the visitor waits for an answer ({@code null} when the agent had the latest word).
     */
    public record AssignedEntry(String conversationId, String state, SummaryView summary, boolean visitorOnline,
                                String visitorLastSeen, String channel, String waitingSince, String unansweredSince, String team) {
        public static AssignedEntry of(Conversation c, Sighting visitor, Optional<Instant> unansweredSince) {
            VisitorSeen seen = VisitorSeen.of(visitor);
            return new AssignedEntry(c.id(), c.state().name(), SummaryView.of(c.handoff()), seen.visitorOnline(),
                    seen.visitorLastSeen(), ChannelAddress.channelOf(c.visitorId()),
                    c.handoff().map(s -> s.waitingSince().toString()).orElse(null), unansweredSince.map(Instant::toString).orElse(null),
                    c.team().orElse(null));
        }
    }

    /**
     * One earlier conversation of the customer as the console lists it: on which channel, when, how it ended, what the
     * visitor first said, and how they rated it ({@code null} when they did not).
     */
    public record HistoryEntry(String conversationId, String channel, String state, String startedAt, String firstMessage,
                               RatingView rating) {
        public static HistoryEntry of(Conversation past, String firstMessage, Optional<SatisfactionRating> rating) {
            return new HistoryEntry(past.id(), ChannelAddress.channelOf(past.visitorId()), past.state().name(),
                    past.startedAt().toString(), firstMessage,
                    rating.map(r -> new RatingView(r.score(), r.comment().orElse(null))).orElse(null));
        }
    }

    /**
     * The customer a conversation's visitor is linked as: its id, its visitors on every channel, and how many email
     * addresses and phone numbers are linked to it.
     */
    public record CustomerView(String customerId, List<LinkedVisitor> visitors, int contacts) {
        public static CustomerView of(Customer customer) {
            return new CustomerView(customer.id(), customer.visitorIds().stream()
                    .map(v -> new LinkedVisitor(v, ChannelAddress.channelOf(v))).toList(), customer.contacts());
        }
    }

    public record LinkedVisitor(String visitorId, String channel) {
    }

    /** A visitor's satisfaction with a conversation, 1 to 5, and their comment. */
    public record RatingView(int score, String comment) {
    }

    /** What the visitor's browser told of itself in its latest hello (docs/protocol.md, the customer panel). */
    public record VisitorView(String page, String referrer, String userAgent, String timeZone) {
        static VisitorView of(VisitorContext c) {
            return new VisitorView(c.page().orElse(null), c.referrer().orElse(null), c.userAgent().orElse(null), c.timeZone().orElse(null));
        }
    }

    /** A canned response as the console lists it; {@code scope} is {@code shared} or {@code personal}. */
    public record CannedResponseView(String scope, String language, String shortcut, String text) {
        public static CannedResponseView of(CannedResponse response) {
            return new CannedResponseView(response.scope().name().toLowerCase(Locale.ROOT), response.language(),
                    response.shortcut(), response.text());
        }
    }

    /** An answer from the intent database, offered beside the reply box. */
    public record SuggestionView(String intent, String title, String text) {
        static SuggestionView of(SuggestedAnswer answer) {
            return new SuggestionView(answer.intent(), answer.title(), answer.text());
        }
    }

    public record AgentView(String username, String name) {
    }

    /** When the console turns a waiting or unanswered conversation amber, then red. */
    public record TimersView(long amberSeconds, long redSeconds) {
        public static TimersView of(java.time.Duration amber, java.time.Duration red) {
            return new TimersView(amber.toSeconds(), red.toSeconds());
        }
    }

    /**
     * A team as the console knows it: the languages it takes (empty: any), whether its agents pull ({@code pull}) or
     * Baton assigns ({@code auto}), whether the agent is in it, and its timers (its own, or the installation's).
     */
    public record TeamEntry(String name, List<String> languages, String assignment, boolean member, TimersView timers) {
        public static TeamEntry of(Team team, boolean member, TimersView installationTimers) {
            return new TeamEntry(team.name(), team.languages().stream().sorted().toList(),
                    team.mode().name().toLowerCase(Locale.ROOT), member,
                    team.timers().map(t -> TimersView.of(t.amber(), t.red())).orElse(installationTimers));
        }
    }

    /** An agent as the transfer dialog lists them: {@code status} is {@code online}, {@code away} or {@code offline}. */
    public record TeamMember(String username, String name, String status, int open, int capacity) {
        public static TeamMember of(AgentAvailability a) {
            return new TeamMember(a.member().username(), a.member().agent().displayName(), status(a), a.open(), a.member().capacity());
        }

        static String status(AgentAvailability a) {
            return a.status().name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A team as the supervisor's view shows it: how it takes conversations, its agents, each with their status, load
     * and conversations. There is one team, {@code everyone}, without teams. Its queue is the {@code queue} frame's
     * entries with its name as their {@code team}.
     */
    /**
     * A team as the supervisor's view shows it: its waits turn amber and red past its own thresholds (the team's
     * {@code timers}, else the installation's).
     */
    public record TeamView(String name, List<String> languages, String assignment, long waitAmberMs, long waitRedMs,
                           List<SupervisedAgent> agents) {
    }

    /** An agent as the supervisor's view shows them: a {@link TeamMember} with the conversations they have. */
    public record SupervisedAgent(String username, String name, String status, int open, int capacity,
                                  List<SupervisedConversation> conversations) {
        public static SupervisedAgent of(AgentAvailability a, List<Conversation> conversations) {
            return new SupervisedAgent(a.member().username(), a.member().agent().displayName(), TeamMember.status(a), a.open(),
                    a.member().capacity(), conversations.stream().map(SupervisedConversation::of).toList());
        }
    }

    /** One conversation with an agent: what the visitor wants, since when they waited, since when it last changed hands. */
    public record SupervisedConversation(String conversationId, String customerWants, String language, String team,
                                         String waitingSince, String since) {
        static SupervisedConversation of(Conversation c) {
            return new SupervisedConversation(c.id(), c.handoff().map(HandoffSummary::customerWants).orElse(null),
                    c.language().orElse(null), c.team().orElse(null), c.handoff().map(h -> h.waitingSince().toString()).orElse(null),
                    c.updatedAt().toString());
        }
    }

    /**
     * A left message and where the agents are with it: {@code status} open, claimed, emailed or handled; who and
     * since when, once it is not open; how, once handled another way.
     */
    public record LeftMessageView(String id, String conversationId, String text, String contact, String language, String at,
                                  String status, String agent, String since, String note) {
        public static LeftMessageView of(LeftMessage left) {
            FollowUp f = left.followUp();
            return new LeftMessageView(left.id(), left.conversationId(), left.text(), left.contact().orElse(null),
                    left.language(), left.at().toString(), f.status().name().toLowerCase(java.util.Locale.ROOT),
                    f.agent().orElse(null), f.since().map(Object::toString).orElse(null), f.note().orElse(null));
        }
    }
}
