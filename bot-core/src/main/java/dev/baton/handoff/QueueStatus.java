package dev.baton.handoff;

/**
 * What a waiting visitor is told: where they stand, roughly how long it takes, and whether anyone is there.
 *
 * @param position             1-based place in the queue
 * @param estimatedWaitSeconds a rough estimate; honest rather than precise
 * @param agentsOnline         0 means nobody can come now: offer to leave a message
 */
public record QueueStatus(int position, long estimatedWaitSeconds, int agentsOnline) {
}
