package dev.baton.store;

import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.intents.IntentDatabaseLoader.IntentSource;
import dev.baton.intents.IntentPublication;
import dev.baton.intents.PublishedIntents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link IntentPublication} does, specified once. */
public abstract class IntentPublicationContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    protected IntentPublication publication;
    protected IntentPublication otherNode;

    protected abstract IntentPublication newPublication();

    /** Another node's view of {@link #publication}; the same object on a single node. */
    protected abstract IntentPublication samePublicationOnAnotherNode();

    @BeforeEach
    void createPublication() {
        publication = newPublication();
        otherNode = samePublicationOnAnotherNode();
    }

    @Test
    void nothingIsPublishedAtFirst() {
        StepVerifier.create(otherNode.published()).verifyComplete();
        StepVerifier.create(otherNode.publishedVersion()).verifyComplete();
    }

    @Test
    void anotherNodeReadsThePublishedFilesAndBuildsTheSameDatabase() {
        IntentDatabase database = database("shipping: \"quoted: text\" ünïcödé ☃");

        publication.publish(database).block(TIMEOUT);

        PublishedIntents published = otherNode.published().block(TIMEOUT);
        assertThat(published.version()).isEqualTo(database.version());
        assertThat(published.files()).isEqualTo(database.sources());
        assertThat(published.validate().intents()).isEqualTo(database.intents());
        assertThat(otherNode.publishedVersion().block(TIMEOUT)).isEqualTo(database.version());
    }

    @Test
    void everyNodeHearsOfEachPublicationAndTheLastOneIsTheDatabase() {
        IntentDatabase first = database("first");
        IntentDatabase second = database("second");

        StepVerifier.create(otherNode.observePublications().take(2))
                .then(() -> {
                    publication.publish(first).block(TIMEOUT);
                    otherNode.publish(second).block(TIMEOUT);
                })
                .expectNext(first.version(), second.version())
                .verifyComplete();

        assertThat(publication.publishedVersion().block(TIMEOUT)).isEqualTo(second.version());
    }

    @Test
    void aDatabaseBuiltInCodeHasNoFilesToPublish() {
        IntentDatabase inCode = new IntentDatabase(database("x").intents(), "in-code");

        assertThatThrownBy(() -> publication.publish(inCode).block(TIMEOUT)).isInstanceOf(IllegalArgumentException.class);
        StepVerifier.create(otherNode.publishedVersion()).verifyComplete();
    }

    private static IntentDatabase database(String answer) {
        return IntentDatabaseLoader.parse(List.of(new IntentSource("shop/faq.yaml", """
                intents:
                  - id: shipping
                    examples:
                      en: [how much is shipping, delivery costs]
                    answers:
                      en: ["%s"]
                  - id: returns
                    examples:
                      en: [how do I return shoes]
                    answers:
                      en: [Within 30 days.]
                """.formatted(answer.replace("\"", "\\\"")))));
    }
}
