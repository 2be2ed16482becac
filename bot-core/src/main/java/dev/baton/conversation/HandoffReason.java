package dev.baton.conversation;

/** Why the bot handed a conversation to people; agents see it, and metrics count it. */
public enum HandoffReason {
    VISITOR_ASKED("The visitor asked for a person."),
    INTENT_REQUIRES_HUMAN("This topic is always handled by a person."),
    REPEATED_FAILURE("The bot did not understand two messages in a row."),
    FRUSTRATION("The visitor seems frustrated.");

    private final String explanation;

    HandoffReason(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
