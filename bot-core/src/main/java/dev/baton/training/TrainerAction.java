package dev.baton.training;

/** What a trainer did, as the audit log names it. */
public enum TrainerAction {
    INTENT_SAVED, LANGUAGE_SAVED, INTENT_DELETED, EXAMPLE_ADDED, FILES_IMPORTED, FILE_ADDED, DRAFT_DISCARDED, SEEDED, PUBLISHED, ROLLED_BACK, RELOADED,
    /** An administrator read a visitor's data (the right of access). */
    VISITOR_DATA_EXPORTED,
    /** A visitor's data was erased, at their request or an administrator's. */
    VISITOR_DATA_ERASED
}
