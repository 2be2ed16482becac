package dev.baton.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.baton.store.redis.RedisStores;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** redis-store is a store adapter: it knows Redis, not the web, and its packages form no cycle. */
class LayersTest {

    /** redis-store's own classes (not its tests, nor bot-core's or the libraries' beside them on the class path). */
    private static final JavaClasses REDIS_STORE = new ClassFileImporter()
            .importUrl(RedisStores.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void theStoreKnowsNothingOfTheWeb() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.http..", "org.springframework.boot.web..",
                        "org.springframework.boot.webflux..", "reactor.netty.http..", "dev.baton.app..")
                .because("the web is channel-adapters' business; the store serves any caller")
                .check(REDIS_STORE);
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("dev.baton.(**)").should().beFreeOfCycles().check(REDIS_STORE);
    }
}
