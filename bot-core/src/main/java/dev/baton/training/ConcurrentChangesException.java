package dev.baton.training;

/** Other trainers kept changing the draft while this change was being saved; nothing of it was saved. */
public final class ConcurrentChangesException extends RuntimeException {

    public ConcurrentChangesException() {
        super("other trainers changed the draft at the same moment; try again");
    }
}
