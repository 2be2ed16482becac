package dev.baton.app.console;

import dev.baton.app.wire.FrameOutbox;
import dev.baton.app.wire.FrameParts.QueueEntry;
import dev.baton.app.wire.OutboundFrame;
import dev.baton.app.wire.OutboundFrames;
import dev.baton.conversation.Conversation;
import dev.baton.engine.LiveQueue;
import dev.baton.engine.QueueSnapshot;
import reactor.core.Disposable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The waiting queue as every agent console on this node sees it. Each view of the node's {@link LiveQueue} is
 * written as a frame once and that same text goes to every console: a console gets the whole queue when it
 * connects ({@code queue}), then only what changed ({@code queue_update}: the conversations that left, and those
 * that joined with their place). Sending the whole queue on every change cost every console the whole queue per
 * change; a change now costs one small frame per console.
 */
final class QueueBroadcast implements AutoCloseable {

    private final OutboundFrames frames;
    private final Set<FrameOutbox> consoles = new HashSet<>();
    private final Disposable subscription;
    /** The queue the consoles were last shown; null before the node's first read. Guarded by {@code this}. */
    private List<Conversation> shown;
    private String shownFrame;
    /** Whether each visitor was there when the queue was last read. Guarded by {@code this}. */
    private QueueSnapshot shownSnapshot;

    QueueBroadcast(LiveQueue queue, OutboundFrames frames) {
        this.frames = frames;
        this.subscription = queue.observe().subscribe(this::show);
    }

    /** Shows a console that just connected the whole queue, then every change until it {@link #leave}s. */
    synchronized void join(FrameOutbox console) {
        consoles.add(console);
        if (shown != null) {
            console.sendWritten(wholeQueue());
        }
    }

    synchronized void leave(FrameOutbox console) {
        consoles.remove(console);
    }

    private synchronized void show(QueueSnapshot snapshot) {
        List<Conversation> before = shown;
        shown = snapshot.waiting();
        shownSnapshot = snapshot;
        shownFrame = null;
        Optional<String> frame = before == null ? Optional.of(wholeQueue()) : changes(before, shown);
        frame.ifPresent(text -> consoles.forEach(console -> console.sendWritten(text)));
    }

    /** The whole queue as one frame, written once per view. */
    private String wholeQueue() {
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
