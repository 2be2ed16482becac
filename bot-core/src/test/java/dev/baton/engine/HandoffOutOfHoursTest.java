package dev.baton.engine;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.Message;
import dev.baton.dialogue.MoodReading;
import dev.baton.handoff.BusinessHours;
import dev.baton.handoff.Team;
import dev.baton.handoff.Teams;
import dev.baton.store.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** A visitor who asks for a person when nobody is there is told honestly whether, and when, people are back. */
class HandoffOutOfHoursTest {

    private final InMemoryDesk world = new InMemoryDesk(); // its clock: Monday 23 November 2026, 19:00 in Rome
    private final Handoffs handoffs = world.handoffsOn(world.stores, weekdaysNineToSixInRome());

    @Test
    void outOfHoursTheVisitorIsToldWhenPeopleAreBackInTheirLanguage() {
        assertThat(handOff("c-evening-en", "en"))
                .isEqualTo("I'm passing you to our team, but we're closed right now: we're back Tuesday 09:00 (Europe/Rome). "
                        + "Leave a message and we'll get back to you, or keep asking me anything.");
        assertThat(handOff("c-evening-it", "it")).contains("siamo chiusi: torniamo martedì 09:00 (Europe/Rome)");
    }

    @Test
    void withinHoursWithNobodyOnlineTheVisitorMayWaitOrLeaveAMessage() {
        world.clock.advance(Duration.ofHours(15)); // Tuesday 10:00 in Rome

        assertThat(handOff("c-morning", "en")).startsWith("I'm passing you to our team, but nobody is online right now.");
    }

    @Test
    void someoneOnlineOutOfHoursTakesConversationsAsUsual() {
        world.stores.presence().connected("maria").block();

        assertThat(handOff("c-late", "en")).startsWith("I'm passing you to a person from our team.");
    }

    @Test
    void handoffsSayWhenPeopleAreBackOnlyWhileClosed() {
        Conversation withTheBot = Conversation.start("c-hours", "v-hours", Optional.of("en"), world.clock.instant());
        assertThat(handoffs.closedUntil(withTheBot)).map(Object::toString).contains("2026-11-24T09:00+01:00[Europe/Rome]");
        world.clock.advance(Duration.ofHours(15));
        assertThat(handoffs.closedUntil(withTheBot)).isEmpty();
    }

    @Test
    void aTeamOutOfItsOwnHoursSaysWhenThatTeamIsBackWhileAnotherTeamIsOpen() {
        Teams teams = new Teams(List.of(
                new Team("support", Set.of(), Set.of(), Set.of("carla"), Team.AssignmentMode.PULL, BusinessHours.always(), Optional.empty()),
                new Team("billing", Set.of(), Set.of("refunds"), Set.of("maria"), Team.AssignmentMode.PULL, weekdaysNineToSixInRome(),
                        Optional.empty())), Optional.empty(), BusinessHours.always(), Set.of());
        InMemoryDesk withTeams = new InMemoryDesk(teams);

        assertThat(handOff(withTeams, "c-refund", "en", Optional.of("refunds")))
                .startsWith("I'm passing you to our team, but we're closed right now: we're back Tuesday 09:00 (Europe/Rome).");
        assertThat(handOff(withTeams, "c-other", "en", Optional.empty())).startsWith("I'm passing you to our team, but nobody is online right now.");
        Conversation refund = withTeams.stores.conversations().find("c-refund").block();
        assertThat(refund.team()).contains("billing");
        assertThat(withTeams.handoffs.closedUntil(refund)).isPresent();
        assertThat(withTeams.handoffs.closedUntil(withTeams.stores.conversations().find("c-other").block())).isEmpty();
    }

    private String handOff(String id, String language) {
        return handOff(world, handoffs, id, language, Optional.empty());
    }

    private static String handOff(InMemoryDesk desk, String id, String language, Optional<String> intent) {
        return handOff(desk, desk.handoffs, id, language, intent);
    }

    private static String handOff(InMemoryDesk desk, Handoffs handoffs, String id, String language, Optional<String> intent) {
        Conversation c = desk.stores.conversations()
                .create(Conversation.start(id, "v-" + id, Optional.of(language), desk.clock.instant())).block();
        handoffs.handOff(c, UnaryOperator.identity(), HandoffReason.VISITOR_ASKED, Fixtures.visitorAskedForAPerson(), language,
                Optional.empty(), MoodReading.NEUTRAL, Optional.empty(), intent, i -> Optional.empty()).block();
        List<Message> transcript = desk.stores.conversations().transcript(id, 0).collectList().block();
        return transcript.get(transcript.size() - 1).text();
    }

    private static BusinessHours weekdaysNineToSixInRome() {
        Map<DayOfWeek, List<BusinessHours.Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, BusinessHours.Interval.parseAll("09:00-18:00"));
        }
        return new BusinessHours(ZoneId.of("Europe/Rome"), week, Set.of());
    }
}
