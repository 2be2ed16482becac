package dev.baton.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.baton.engine.ConversationEngine;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** bot-core is the domain: it runs without any framework, store client or wire format, and its packages form no cycle. */
class LayersTest {

    /** bot-core's own classes (not its tests, nor the libraries beside it on the class path). */
    private static final JavaClasses CORE = new ClassFileImporter()
            .importUrl(ConversationEngine.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void theDomainDependsOnNoFrameworkStoreClientOrJsonLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "io.lettuce..", "tools.jackson..", "com.fasterxml.jackson..",
                        "io.netty..", "reactor.netty..", "io.micrometer..")
                .because("bot-core holds the domain only; adapters live in redis-store and channel-adapters")
                .check(CORE);
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("dev.baton.(**)").should().beFreeOfCycles().check(CORE);
    }
}
