package dev.baton.app.trainer;

import dev.baton.engine.LiveKnowledge;
import dev.baton.audit.AuditLog;
import dev.baton.training.Drafts;
import dev.baton.training.IntentVersions;
import dev.baton.training.TrainerWorkspace;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** The trainers' workspace, on the store's drafts, versions and audit log. */
@Configuration(proxyBeanMethods = false)
class TrainerWorkspaceConfiguration {

    private static final Duration START_UP_TIMEOUT = Duration.ofSeconds(30);

    /** Makes the database the installation started with version 1, once (blocks: at start-up). */
    @Bean
    TrainerWorkspace trainerWorkspace(Drafts drafts, IntentVersions versions, AuditLog audit, LiveKnowledge knowledge,
                                      Clock clock) {
        TrainerWorkspace workspace = new TrainerWorkspace(drafts, versions, audit, knowledge, clock);
        workspace.recordFirstVersion().block(START_UP_TIMEOUT);
        return workspace;
    }
}
