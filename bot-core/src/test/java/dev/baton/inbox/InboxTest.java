package dev.baton.inbox;

import dev.baton.store.SettableClock;
import dev.baton.store.memory.InMemoryTrainerInbox;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class InboxTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SettableClock clock = new SettableClock(T0.plusSeconds(3600));
    private final TrainerInbox store = new InMemoryTrainerInbox(clock, TrainerInbox.Limits.DEFAULTS);
    private final Inbox inbox = new Inbox(store);

    private InboxEntry add(String text, String language, InboxReason reason, String conversationId, int second) {
        InboxEntry entry = InboxEntry.of(text, language, List.of(new IntentGuess("order_status", 0.3)), reason, conversationId,
                T0.plusSeconds(second));
        store.add(entry).block(TIMEOUT);
        return entry;
    }

    @Test
    void groupsWordingsWhoseWordsMostlyOverlapMostFrequentFirst() {
        InboxEntry lead = add("Where is my order?", "en", InboxReason.NOT_UNDERSTOOD, "c-1", 1);
        add("where is my order", "en", InboxReason.CLARIFIED, "c-2", 2);
        InboxEntry variant = add("where is my order please", "en", InboxReason.UNHELPFUL, "c-3", 3);
        add("I want a refund", "en", InboxReason.NOT_UNDERSTOOD, "c-4", 4);

        List<InboxGroup> groups = inbox.groups(Optional.empty(), 10).block(TIMEOUT);

        assertThat(groups).hasSize(2);
        InboxGroup first = groups.get(0);
        assertThat(first.id()).isEqualTo(lead.wordingId());
        assertThat(first.text()).isEqualTo("where is my order");
        assertThat(first.count()).isEqualTo(3);
        assertThat(first.variants()).containsExactly("where is my order please");
        assertThat(first.wordingIds()).containsExactly(lead.wordingId(), variant.wordingId());
        assertThat(first.reasons()).isEqualTo(Map.of(InboxReason.NOT_UNDERSTOOD, 1L, InboxReason.CLARIFIED, 1L, InboxReason.UNHELPFUL, 1L));
        assertThat(first.conversationIds()).containsExactly("c-3", "c-2", "c-1");
        assertThat(first.firstSeen()).isEqualTo(T0.plusSeconds(1));
        assertThat(first.lastSeen()).isEqualTo(T0.plusSeconds(3));
        assertThat(groups.get(1).text()).isEqualTo("I want a refund");
    }

    @Test
    void wordingsThatShareTooFewWordsStayApart() {
        add("track my order", "en", InboxReason.NOT_UNDERSTOOD, "c-1", 1);
        add("cancel my order", "en", InboxReason.NOT_UNDERSTOOD, "c-2", 2);

        assertThat(inbox.groups(Optional.empty(), 10).block(TIMEOUT)).hasSize(2);
    }

    @Test
    void theSameWordsInTwoLanguagesAreTwoGroupsAndALanguageCanBeAskedFor() {
        add("ordine", "en", InboxReason.NOT_UNDERSTOOD, "c-1", 1);
        add("ordine", "it", InboxReason.NOT_UNDERSTOOD, "c-2", 2);
        add("ordine", "it", InboxReason.NOT_UNDERSTOOD, "c-3", 3);

        assertThat(inbox.groups(Optional.empty(), 10).block(TIMEOUT)).extracting(InboxGroup::language).containsExactly("it", "en");
        assertThat(inbox.groups(Optional.of("en"), 10).block(TIMEOUT)).extracting(InboxGroup::conversationIds)
                .containsExactly(List.of("c-1"));
        assertThat(inbox.groups(Optional.empty(), 1).block(TIMEOUT)).hasSize(1);
    }

    @Test
    void dismissingAGroupByAnyOfItsWordingsRemovesThemAll() {
        add("where is my order", "en", InboxReason.NOT_UNDERSTOOD, "c-1", 1);
        add("where is my order", "en", InboxReason.NOT_UNDERSTOOD, "c-2", 2);
        InboxEntry variant = add("where is my order please", "en", InboxReason.NOT_UNDERSTOOD, "c-3", 3);
        add("I want a refund", "en", InboxReason.NOT_UNDERSTOOD, "c-4", 4);

        InboxGroup dismissed = inbox.dismiss(variant.wordingId()).block(TIMEOUT);

        assertThat(dismissed.count()).isEqualTo(3);
        assertThat(inbox.groups(Optional.empty(), 10).block(TIMEOUT)).extracting(InboxGroup::text).containsExactly("I want a refund");
        assertThat(inbox.dismiss(variant.wordingId()).blockOptional(TIMEOUT)).isEmpty();
    }
}
