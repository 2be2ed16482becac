package dev.baton.engine;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.Message;
import dev.baton.dialogue.MoodReading;
import dev.baton.handoff.BusinessHours;
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

    private String handOff(String id, String language) {
        Conversation c = world.stores.conversations()
                .create(Conversation.start(id, "v-" + id, Optional.of(language), world.clock.instant())).block();
        handoffs.handOff(c, UnaryOperator.identity(), HandoffReason.VISITOR_ASKED, Fixtures.visitorAskedForAPerson(), language,
                Optional.empty(), MoodReading.NEUTRAL, Optional.empty(), Optional.empty(), intent -> Optional.empty()).block();
        List<Message> transcript = world.stores.conversations().transcript(id, 0).collectList().block();
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
