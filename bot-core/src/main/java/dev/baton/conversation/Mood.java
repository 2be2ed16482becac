package dev.baton.conversation;

/** How the visitor seems to feel, judged from what they wrote. */
public enum Mood {
    NEUTRAL,
    FRUSTRATED,
    ANGRY
}
