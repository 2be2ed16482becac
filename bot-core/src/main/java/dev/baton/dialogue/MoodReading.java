package dev.baton.dialogue;

import dev.baton.conversation.Mood;

import java.util.List;

/** A mood and the signals it was read from ("shouting", "insult"…). */
public record MoodReading(Mood mood, List<String> signals) {

    public static final MoodReading NEUTRAL = new MoodReading(Mood.NEUTRAL, List.of());

    public MoodReading {
        signals = List.copyOf(signals);
    }

    public boolean upset() {
        return mood != Mood.NEUTRAL;
    }
}
