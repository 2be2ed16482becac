package dev.baton.training;

import dev.baton.audit.Actor;
import dev.baton.audit.AuditEntry;
import dev.baton.engine.BotKnowledge;
import dev.baton.engine.LiveKnowledge;
import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.intents.IntentDatabaseLoader.IntentSource;
import dev.baton.store.memory.InMemoryAuditLog;
import dev.baton.store.memory.InMemoryDrafts;
import dev.baton.store.memory.InMemoryIntentPublication;
import dev.baton.store.memory.InMemoryIntentVersions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The trainers' workspace on the in-memory stores: drafts, publishing, versions, rollback and the audit log. */
class TrainerWorkspaceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    static final String RETURNS = """
            # Returns: how, and how long.
            intents:
              - id: returns
                title: {en: Returns}
                examples:
                  en: [how do I return something, I want to send it back, return policy]
                answers:
                  en: ["Within 30 days, in the original packaging."]
                followUps: [refunds]
              - id: refunds
                examples:
                  en: [where is my refund, when do I get my money back, refund please]
                answers:
                  en: ["We refund within 5 working days."]
            """;
    static final String HOURS = """
            intents:
              - id: opening_hours
                examples:
                  en: [when are you open, opening hours, are you open on sunday]
                answers:
                  en: ["Monday to Friday, 9 to 18."]
            """;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T16:00:00Z"), ZoneOffset.UTC);
    private final InMemoryDrafts drafts = new InMemoryDrafts();
    private final InMemoryIntentVersions versions = new InMemoryIntentVersions();
    private static final Actor ALICE = new Actor("alice", "192.0.2.1");
    private static final Actor BRUNO = new Actor("bruno", "192.0.2.2");

    private final InMemoryAuditLog audit = new InMemoryAuditLog(100);
    private LiveKnowledge knowledge;
    private TrainerWorkspace workspace;

    @BeforeEach
    void startWithTheShopsFiles() {
        knowledge = LiveKnowledge.start(() -> IntentDatabaseLoader.parse(List.of(new IntentSource("returns.yaml", RETURNS),
                        new IntentSource("hours.yaml", HOURS))),
                intents -> BotKnowledge.learn(intents, "en", Optional.of(0.3)), new InMemoryIntentPublication());
        workspace = new TrainerWorkspace(drafts, versions, audit, knowledge, clock);
        workspace.recordFirstVersion().block(TIMEOUT);
    }

    @AfterEach
    void stop() {
        knowledge.close();
    }

    @Test
    void theIntentsFolderIsTheFirstVersionRecordedOnlyOnce() {
        workspace.recordFirstVersion().block(TIMEOUT);

        assertThat(workspace.versions().collectList().block(TIMEOUT)).singleElement().satisfies(first -> {
            assertThat(first.number()).isEqualTo(1);
            assertThat(first.action()).isEqualTo(TrainerAction.SEEDED);
            assertThat(first.intentsVersion()).isEqualTo(knowledge.get().intents().version());
        });
        assertThat(workspace.version(1).block(TIMEOUT).files()).isEqualTo(knowledge.get().intents().sources());
    }

    @Test
    void beforeAnyChangeTheDraftIsThePublishedDatabase() {
        DraftView view = workspace.draft().block(TIMEOUT);

        assertThat(view.draft().revision()).isZero();
        assertThat(view.draft().sources()).isEqualTo(knowledge.get().intents().sources());
        assertThat(view.problems()).isEmpty();
        assertThat(view.changes().isEmpty()).isTrue();
    }

    @Test
    void theFirstChangeStartsTheDraftAndOnlyTheChangedFileIsWrittenAgain() {
        DraftView view = workspace.change(ALICE, new DraftChange.AddExample("refunds", "en", "  money back for a cracked teapot ")).block(TIMEOUT);

        assertThat(view.draft().revision()).isEqualTo(1);
        assertThat(view.draft().changedBy()).contains("alice");
        assertThat(view.draft().find("refunds").orElseThrow().examples().get("en")).endsWith("money back for a cracked teapot");
        assertThat(view.draft().files()).extracting(DraftFile::name, f -> f.publishedContent().isPresent())
                .containsExactly(tuple("returns.yaml", false), tuple("hours.yaml", true));
        assertThat(view.draft().files().get(0).content()).startsWith("# Returns: how, and how long.\nintents:\n");
        assertThat(view.changes().changed()).singleElement().satisfies(change -> {
            assertThat(change.intent()).isEqualTo("refunds");
            assertThat(change.fields()).containsExactly(new IntentDiff.FieldChange("examples", Optional.of("en"), List.of(),
                    List.of("money back for a cracked teapot")));
        });
        assertThat(knowledge.get().intents().find("refunds").orElseThrow().examples().get("en")).hasSize(3);
        assertThat(workspace.audit(10).collectList().block(TIMEOUT)).first().satisfies(entry -> {
            assertThat(entry.who()).isEqualTo("alice");
            assertThat(entry.from()).isEqualTo("192.0.2.1");
            assertThat(entry.action()).isEqualTo("example_added");
            assertThat(entry.detail()).contains("money back for a cracked teapot", "refunds");
        });
    }

    @Test
    void everyProblemNamesItsIntentLanguageFieldAndIndex() {
        workspace.change(ALICE, new DraftChange.SaveLanguage("opening_hours", "it", Optional.of("Orari"),
                List.of("orari di apertura"), List.of())).block(TIMEOUT);
        DraftView view = workspace.change(ALICE, new DraftChange.AddExample("returns", "en", "Refund please!")).block(TIMEOUT);

        assertThat(view.publishable()).isFalse();
        assertThat(view.problems()).extracting(p -> p.field().orElseThrow())
                .containsExactlyInAnyOrder(
                        new DraftProblem.Field("opening_hours", "examples", Optional.of("it"), Optional.empty()),
                        new DraftProblem.Field("refunds", "examples", Optional.of("en"), Optional.of(2)));
        assertThat(view.problems()).extracting(DraftProblem::message).anySatisfy(m -> assertThat(m)
                        .contains("language \"it\" has examples but no answers"))
                .anySatisfy(m -> assertThat(m).contains("intent \"refunds\": the example \"refund please\" is also an example of intent \"returns\""));
        assertThat(view.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
    }

    @Test
    void aDraftWithProblemsIsSavedButNeverPublished() {
        workspace.change(ALICE, new DraftChange.DeleteIntent("refunds")).block(TIMEOUT);
        String answering = knowledge.get().intents().version();

        assertThatThrownBy(() -> workspace.publish(ALICE, "no refunds").block(TIMEOUT))
                .isInstanceOfSatisfying(DraftHasProblemsException.class, e -> assertThat(e.problems())
                        .extracting(DraftProblem::message).singleElement().asString()
                        .contains("the follow-up \"refunds\" is not an intent"));

        assertThat(knowledge.get().intents().version()).isEqualTo(answering);
        assertThat(workspace.versions().collectList().block(TIMEOUT)).hasSize(1);
        assertThat(drafts.current().block(TIMEOUT).revision()).isEqualTo(1);
    }

    @Test
    void publishingMakesTheDraftTheVersionTheBotAnswersFrom() {
        workspace.change(ALICE, new DraftChange.SaveIntent(new Intent("teapots", Map.of("en", "Teapots"),
                Map.of("en", List.of("is the teapot dishwasher safe", "teapot care")),
                Map.of("en", List.of("Rinse it by hand; no dishwasher.")), List.of(), false), Optional.empty())).block(TIMEOUT);

        VersionInfo published = workspace.publish(BRUNO, "teapot care").block(TIMEOUT);

        assertThat(published.number()).isEqualTo(2);
        assertThat(published).extracting(VersionInfo::action, VersionInfo::publishedBy, VersionInfo::note, VersionInfo::publishedAt)
                .containsExactly(TrainerAction.PUBLISHED, "bruno", "teapot care", clock.instant());
        assertThat(knowledge.get().intents().version()).isEqualTo(published.intentsVersion());
        assertThat(knowledge.get().intents().fileOf("teapots")).contains(Draft.NEW_INTENTS_FILE);
        assertThat(knowledge.publishedVersion()).isEqualTo(published.intentsVersion());
        assertThat(drafts.current().blockOptional(TIMEOUT)).isEmpty();
        assertThat(workspace.audit(10).collectList().block(TIMEOUT)).extracting(AuditEntry::who, AuditEntry::action)
                .startsWith(tuple("bruno", "published"), tuple("alice", "intent_saved"));
        assertThatThrownBy(() -> workspace.publish(BRUNO, "again").block(TIMEOUT)).isInstanceOf(NothingToPublishException.class);
    }

    @Test
    void rollingBackPublishesAnEarlierVersionsFilesAsANewVersion() {
        String first = knowledge.get().intents().version();
        workspace.change(ALICE, new DraftChange.DeleteIntent("opening_hours")).block(TIMEOUT);
        workspace.publish(ALICE, "no more hours").block(TIMEOUT);

        VersionInfo rolledBack = workspace.rollBack(BRUNO, 1, "").block(TIMEOUT);

        assertThat(rolledBack).extracting(VersionInfo::number, VersionInfo::action, VersionInfo::publishedBy, VersionInfo::note)
                .containsExactly(3, TrainerAction.ROLLED_BACK, "bruno", "rolled back to version 1");
        assertThat(knowledge.get().intents().version()).isEqualTo(first).isEqualTo(rolledBack.intentsVersion());
        assertThat(workspace.diff(1, 2).block(TIMEOUT).removed()).containsExactly("opening_hours");
        assertThat(workspace.diff(2, 3).block(TIMEOUT).added()).containsExactly("opening_hours");
        assertThat(workspace.diff(1, 3).block(TIMEOUT).isEmpty()).isTrue();
        assertThatThrownBy(() -> workspace.rollBack(BRUNO, 7, "").block(TIMEOUT)).isInstanceOf(UnknownVersionException.class);
    }

    @Test
    void aChangeSavedByAnotherTrainerMeanwhileIsKeptAndTheChangeAppliedOnTopOfIt() {
        AtomicBoolean brunoFirst = new AtomicBoolean(true);
        Drafts racing = new Drafts() {
            @Override
            public Mono<Draft> current() {
                return drafts.current();
            }

            @Override
            public Mono<Boolean> save(Draft next) {
                if (brunoFirst.getAndSet(false)) {
                    Draft brunos = new DraftChange.AddExample("returns", "en", "bruno's way to return")
                            .applyTo(Draft.startFrom(knowledge.get().intents(), clock.instant())).changed("bruno", clock.instant());
                    return drafts.save(brunos).then(drafts.save(next));
                }
                return drafts.save(next);
            }

            @Override
            public Mono<Boolean> remove(String id, long revision) {
                return drafts.remove(id, revision);
            }
        };
        TrainerWorkspace alices = new TrainerWorkspace(racing, versions, audit, knowledge, clock);

        DraftView view = alices.change(ALICE, new DraftChange.AddExample("refunds", "en", "alice's refund")).block(TIMEOUT);

        assertThat(view.draft().revision()).isEqualTo(2);
        assertThat(view.draft().find("returns").orElseThrow().examples().get("en")).contains("bruno's way to return");
        assertThat(view.draft().find("refunds").orElseThrow().examples().get("en")).contains("alice's refund");
    }

    @Test
    void discardingThrowsTheDraftAwayAndSaysSo() {
        workspace.change(ALICE, new DraftChange.DeleteIntent("opening_hours")).block(TIMEOUT);

        assertThat(workspace.discard(BRUNO).block(TIMEOUT)).isTrue();
        assertThat(workspace.discard(BRUNO).block(TIMEOUT)).isFalse();

        assertThat(workspace.draft().block(TIMEOUT).draft().find("opening_hours")).isPresent();
        assertThat(workspace.audit(1).blockFirst(TIMEOUT)).extracting(AuditEntry::who, AuditEntry::action)
                .containsExactly("bruno", "draft_discarded");
    }

    @Test
    void aChangeToAnIntentTheDraftLacksChangesNothing() {
        assertThatThrownBy(() -> workspace.change(ALICE, new DraftChange.AddExample("teapots", "en", "hi")).block(TIMEOUT))
                .isInstanceOf(UnknownIntentException.class);
        assertThatThrownBy(() -> new DraftChange.SaveIntent(knowledge.get().intents().find("refunds").orElseThrow(),
                Optional.of("../etc/passwd"))).isInstanceOf(IllegalArgumentException.class);

        assertThat(drafts.current().blockOptional(TIMEOUT)).isEmpty();
        assertThat(workspace.audit(10).collectList().block(TIMEOUT)).extracting(AuditEntry::action).containsExactly("seeded");
    }
}
