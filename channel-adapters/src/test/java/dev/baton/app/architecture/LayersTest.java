package dev.baton.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.baton.app.BatonApplication;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Only the configuration knows which store is plugged in: the channels, the wire protocol, the trainer API and
 * security see bot-core's ports and exceptions, never Lettuce or the Redis adapter.
 */
class LayersTest {

    /** channel-adapters' own classes (not its tests, nor the other modules' or libraries' on the class path). */
    private static final JavaClasses APP = new ClassFileImporter()
            .importUrl(BatonApplication.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void onlyTheConfigurationKnowsTheRedisStore() {
        noClasses().that().resideInAnyPackage("dev.baton.app.wire..", "dev.baton.app.console..",
                        "dev.baton.app.widget..", "dev.baton.app.trainer..", "dev.baton.app.security..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lettuce..", "dev.baton.store.redis..")
                .because("a store failure reaches them as bot-core's StoreUnavailableException")
                .check(APP);
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("dev.baton.(**)").should().beFreeOfCycles().check(APP);
    }
}
