package dev.baton.store;

import dev.baton.intents.IntentDatabaseLoader.IntentSource;
import dev.baton.training.IntentVersion;
import dev.baton.training.IntentVersions;
import dev.baton.training.TrainerAction;
import dev.baton.training.VersionInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static dev.baton.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link IntentVersions} does, specified once. */
public abstract class IntentVersionsContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    protected IntentVersions versions;
    protected IntentVersions otherNode;

    protected abstract IntentVersions newVersions();

    /** Another node's view of {@link #versions}; the same object on a single node. */
    protected abstract IntentVersions sameVersionsOnAnotherNode();

    @BeforeEach
    void createVersions() {
        versions = newVersions();
        otherNode = sameVersionsOnAnotherNode();
    }

    @Test
    void thereAreNoVersionsAtFirst() {
        StepVerifier.create(otherNode.list()).verifyComplete();
        StepVerifier.create(otherNode.find(1)).verifyComplete();
    }

    @Test
    void versionsAreNumberedInTheOrderTheyAreAddedOnAnyNodeAndListedNewestFirst() {
        VersionInfo first = versions.addFirst(info("intents folder", TrainerAction.SEEDED, "first"), files("one")).block(TIMEOUT);
        VersionInfo second = otherNode.add(info("alice", TrainerAction.PUBLISHED, "teapots"), files("two")).block(TIMEOUT);
        VersionInfo third = versions.add(info("bruno", TrainerAction.ROLLED_BACK, "rolled back to version 1"), files("one")).block(TIMEOUT);

        assertThat(List.of(first.number(), second.number(), third.number())).containsExactly(1, 2, 3);
        assertThat(second).isEqualTo(new VersionInfo(2, "v-alice", TrainerAction.PUBLISHED, "alice", T0, "teapots"));
        StepVerifier.create(otherNode.list()).expectNext(third, second, first).verifyComplete();
    }

    @Test
    void aVersionKeepsItsFilesExactlyAsPublished() {
        List<IntentSource> files = files("ünïcödé \"quoted\" ☕\n# comment\n");
        VersionInfo added = versions.add(info("alice", TrainerAction.PUBLISHED, ""), files).block(TIMEOUT);

        IntentVersion read = otherNode.find(added.number()).block(TIMEOUT);

        assertThat(read).isEqualTo(new IntentVersion(added, files));
        StepVerifier.create(otherNode.find(2)).verifyComplete();
        StepVerifier.create(otherNode.find(0)).verifyComplete();
    }

    @Test
    void onlyTheFirstNodeToStartAddsTheFirstVersion() {
        StepVerifier.create(versions.addFirst(info("intents folder", TrainerAction.SEEDED, "a"), files("a")))
                .expectNextMatches(v -> v.number() == 1).verifyComplete();
        StepVerifier.create(otherNode.addFirst(info("intents folder", TrainerAction.SEEDED, "b"), files("b"))).verifyComplete();

        assertThat(versions.list().collectList().block(TIMEOUT)).extracting(VersionInfo::note).containsExactly("a");
    }

    private static VersionInfo info(String who, TrainerAction action, String note) {
        return new VersionInfo(0, "v-" + who.replace(' ', '-'), action, who, T0, note);
    }

    private static List<IntentSource> files(String content) {
        return List.of(new IntentSource("orders.yaml", "intents:\n" + content), new IntentSource("shop/tea.yaml", content));
    }
}
