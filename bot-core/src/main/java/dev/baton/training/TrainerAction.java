package dev.baton.training;

import dev.baton.audit.AuditAction;

/** What a trainer did, as the audit log names it. */
public enum TrainerAction implements AuditAction {
    INTENT_SAVED, LANGUAGE_SAVED, INTENT_DELETED, EXAMPLE_ADDED, FILES_IMPORTED, FILE_ADDED, DRAFT_DISCARDED, SEEDED, PUBLISHED, ROLLED_BACK, RELOADED
}
