package dev.baton.app.console;

import dev.baton.app.wire.FrameOutbox;
import dev.baton.app.wire.FrameParts.QueueEntry;
import dev.baton.app.wire.OutboundFrame;
import dev.baton.app.wire.OutboundFrames;
import dev.baton.conversation.Conversation;
import dev.baton.engine.LiveQueue;
import dev.baton.engine.QueueSnapshot;
import dev.baton.handoff.Teams;
import reactor.core.Disposable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The waiting queue as every agent console on this node sees it: each console the queues of its agent's teams (a
 * supervisor, and everyone when there are no teams, the whole queue). Each view of the node's {@link LiveQueue} is
 * written as a frame once per set of teams and that same text goes to every console that sees those teams: a
 * console gets its whole queue when it connects ({@code queue}), then only what changed ({@code queue_update}: the
 * conversations that left, and those that joined with their place). Sending the whole queue on every change cost
 * every console the whole queue per change; a change now costs one small frame per console.
 */
final class QueueBroadcast implements AutoCloseable {

    /** The key of the view of the whole queue. */
    private static final Set<String> EVERY_TEAM = Set.of("*");

    private final OutboundFrames frames;
    private final Teams teams;
    private final Map<Set<String>, View> views = new HashMap<>();
    private final Disposable subscription;
    /** The node's last view of the queue; null before its first read. Guarded by {@code this}. */
    private QueueSnapshot latest;

    QueueBroadcast(LiveQueue queue, OutboundFrames frames, Teams teams) {
        this.frames = frames;
        this.teams = teams;
        this.subscription = queue.observe().subscribe(this::show);
    }

    /**
     * Shows a console that just connected the queue of {@code teamNames} (and the conversations of no team), then
     * every change until it {@link #leave}s.
     */
    void join(FrameOutbox console, Set<String> teamNames) {
        add(console, Set.copyOf(teamNames));
    }

    /** Shows a console that just connected the whole queue, every team's, then every change until it {@link #leave}s. */
    void joinWholeQueue(FrameOutbox console) {
        add(console, EVERY_TEAM);
    }

    private synchronized void add(FrameOutbox console, Set<String> key) {
        View view = views.computeIfAbsent(key, View::new);
        view.consoles.add(console);
        if (latest != null) {
            if (view.shown == null) {
                view.show(latest);
            }
            console.sendWritten(view.wholeQueue());
        }
    }

    synchronized void leave(FrameOutbox console) {
        views.values().removeIf(view -> view.consoles.remove(console) && view.consoles.isEmpty());
    }

    private synchronized void show(QueueSnapshot snapshot) {
        latest = snapshot;
        views.values().forEach(view -> view.show(snapshot)
                .ifPresent(text -> view.consoles.forEach(console -> console.sendWritten(text))));
    }

    /** One set of teams' queue, and the consoles that see it. */
    private final class View {
        private final Set<String> teamNames;
        private final Set<FrameOutbox> consoles = new HashSet<>();
        /** The queue the consoles were last shown; null before the first. */
        private List<Conversation> shown;
        private String shownFrame;
        /** Whether each visitor was there when the queue was last read. */
        private QueueSnapshot shownSnapshot;

        View(Set<String> teamNames) {
            this.teamNames = teamNames;
        }

        /** Takes in the node's new view; the frame that brings the consoles up to date, if anything changed. */
        Optional<String> show(QueueSnapshot snapshot) {
            List<Conversation> before = shown;
            shown = EVERY_TEAM.equals(teamNames) ? snapshot.waiting()
                    : snapshot.waiting().stream().filter(c -> teams.inQueueOf(teamNames, c.team())).toList();
            shownSnapshot = snapshot;
            shownFrame = null;
            return before == null ? Optional.of(wholeQueue()) : changes(before, shown);
        }

        /** The whole queue as one frame, written once per view. */
        String wholeQueue() {
            if (shownFrame == null) {
                List<QueueEntry> entries = new ArrayList<>(shown.size());
                for (int i = 0; i < shown.size(); i++) {
                    entries.add(entry(shown.get(i), i + 1));
                }
                shownFrame = frames.write(new OutboundFrame.Queue(entries));
            }
            return shownFrame;
        }

        /**
         * What a console showing {@code before} needs to show {@code after}: empty when nothing changed; the whole
         * queue when removing and inserting would not give the same order (which a queue that only loses conversations
         * and gains them at their place never needs, but a frame must never leave a console wrong).
         */
        private Optional<String> changes(List<Conversation> before, List<Conversation> after) {
            Set<String> beforeIds = ids(before);
            Set<String> afterIds = ids(after);
            List<String> removed = before.stream().map(Conversation::id).filter(id -> !afterIds.contains(id)).toList();
            List<String> applied = new ArrayList<>(before.stream().map(Conversation::id).filter(afterIds::contains).toList());
            List<QueueEntry> added = new ArrayList<>();
            for (int i = 0; i < after.size(); i++) {
                Conversation joined = after.get(i);
                if (!beforeIds.contains(joined.id())) {
                    if (i > applied.size()) {
                        return Optional.of(wholeQueue());
                    }
                    applied.add(i, joined.id());
                    added.add(entry(joined, i + 1));
                }
            }
            if (!applied.equals(after.stream().map(Conversation::id).toList())) {
                return Optional.of(wholeQueue());
            }
            if (removed.isEmpty() && added.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(frames.write(new OutboundFrame.QueueUpdate(removed, added, after.size())));
        }

        private QueueEntry entry(Conversation queued, int position) {
            return QueueEntry.of(queued, position, shownSnapshot.visitor(queued.id()));
        }
    }

    private static Set<String> ids(List<Conversation> conversations) {
        Set<String> ids = new HashSet<>(conversations.size() * 2);
        conversations.forEach(c -> ids.add(c.id()));
        return ids;
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
