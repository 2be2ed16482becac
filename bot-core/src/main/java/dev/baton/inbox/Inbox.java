package dev.baton.inbox;

import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The trainer's inbox, read as groups of near-duplicates. The store counts messages by wording (the same words in
 * any case, order or punctuation); reading joins the wordings of one language whose word sets overlap by at least
 * {@value #SIMILAR} (Jaccard: shared words over all words), so that "where is my order" and "where is my order
 * please" are one group. Each wording joins the first group, most frequent first, whose leading wording it is that
 * close to. Grouping at read time keeps recording one cheap step, and a group's members can still be dismissed
 * together, whichever member's id the trainer names.
 */
public final class Inbox {

    /** Word sets sharing at least this share of their words are near-duplicates. */
    static final double SIMILAR = 0.7;
    private static final int VARIANTS_SHOWN = 5;

    private static final Comparator<InboxWording> MOST_FREQUENT_FIRST = Comparator
            .comparingLong(InboxWording::count).reversed()
            .thenComparing(InboxWording::lastSeen, Comparator.reverseOrder())
            .thenComparing(InboxWording::id);

    private final TrainerInbox store;

    public Inbox(TrainerInbox store) {
        this.store = store;
    }

    /** The groups, in {@code language} when given, the most frequent first (then the most recently seen). */
    public Mono<List<InboxGroup>> groups(Optional<String> language, int limit) {
        return all().map(groups -> groups.stream()
                .filter(g -> language.isEmpty() || language.get().equals(g.language()))
                .limit(limit)
                .toList());
    }

    /** The group that holds wording {@code groupId} now; empty when none does (dismissed, or forgotten). */
    public Mono<InboxGroup> find(String groupId) {
        return all().flatMap(groups -> Mono.justOrEmpty(groups.stream().filter(g -> g.wordingIds().contains(groupId)).findFirst()));
    }

    /** Removes the group that holds wording {@code groupId}, all its wordings; emits it, or empty when none does. */
    public Mono<InboxGroup> dismiss(String groupId) {
        return find(groupId).flatMap(group -> store.remove(group.wordingIds()).thenReturn(group));
    }

    private Mono<List<InboxGroup>> all() {
        return store.wordings().collectList().map(Inbox::grouped);
    }

    static List<InboxGroup> grouped(List<InboxWording> wordings) {
        List<List<InboxWording>> groups = new ArrayList<>();
        wordings.stream().sorted(MOST_FREQUENT_FIRST).forEach(wording -> groups.stream()
                .filter(g -> similar(g.get(0).latest(), wording.latest()))
                .findFirst()
                .ifPresentOrElse(g -> g.add(wording), () -> groups.add(new ArrayList<>(List.of(wording)))));
        return groups.stream().map(Inbox::group)
                .sorted(Comparator.comparingLong(InboxGroup::count).reversed()
                        .thenComparing(InboxGroup::lastSeen, Comparator.reverseOrder()))
                .toList();
    }

    static boolean similar(InboxEntry a, InboxEntry b) {
        if (!a.language().equals(b.language())) {
            return false;
        }
        Set<String> union = new HashSet<>(a.tokens());
        union.addAll(b.tokens());
        if (union.isEmpty()) {
            return true;
        }
        long shared = a.tokens().stream().filter(b.tokens()::contains).count();
        return (double) shared / union.size() >= SIMILAR;
    }

    private static InboxGroup group(List<InboxWording> members) {
        InboxWording lead = members.get(0);
        Map<InboxReason, Long> reasons = new EnumMap<>(InboxReason.class);
        members.forEach(m -> m.reasons().forEach((reason, n) -> reasons.merge(reason, n, Long::sum)));
        Set<String> conversations = new LinkedHashSet<>();
        members.stream().sorted(Comparator.comparing(InboxWording::lastSeen).reversed())
                .forEach(m -> conversations.addAll(m.conversationIds()));
        return new InboxGroup(lead.id(), lead.latest().text(), lead.latest().language(),
                members.stream().mapToLong(InboxWording::count).sum(), reasons, lead.latest().guesses(),
                conversations.stream().limit(TrainerInbox.CONVERSATIONS_KEPT).toList(),
                members.stream().map(InboxWording::firstSeen).min(Instant::compareTo).orElseThrow(),
                members.stream().map(InboxWording::lastSeen).max(Instant::compareTo).orElseThrow(),
                members.stream().skip(1).limit(VARIANTS_SHOWN).map(m -> m.latest().text()).toList(),
                members.stream().map(InboxWording::id).toList());
    }
}
