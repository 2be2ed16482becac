package dev.baton.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SharedSecrets} does, specified once. */
public abstract class SharedSecretsContract {

    protected SharedSecrets secrets;
    protected SharedSecrets otherNode;

    protected abstract SharedSecrets newSecrets();

    /** Another node's view of {@link #secrets}; the same object on a single node. */
    protected abstract SharedSecrets sameSecretsOnAnotherNode();

    @BeforeEach
    void createSecrets() {
        secrets = newSecrets();
        otherNode = sameSecretsOnAnotherNode();
    }

    @Test
    void aSecretIsRandomBytesTheSameAtEveryCallAndOnEveryNode() {
        byte[] first = secrets.get("visitor-tokens").block();

        assertThat(first).hasSizeGreaterThanOrEqualTo(SharedSecrets.BYTES);
        assertThat(first).as("not all zero").isNotEqualTo(new byte[first.length]);
        assertThat(secrets.get("visitor-tokens").block()).isEqualTo(first);
        assertThat(otherNode.get("visitor-tokens").block()).isEqualTo(first);
    }

    @Test
    void secretsOfDifferentNamesDiffer() {
        assertThat(secrets.get("one").block()).isNotEqualTo(otherNode.get("two").block());
    }

    @Test
    void changingTheBytesGivenOutChangesNothingStored() {
        byte[] given = secrets.get("visitor-tokens").block();
        byte[] copy = given.clone();
        given[0]++;

        assertThat(secrets.get("visitor-tokens").block()).isEqualTo(copy);
    }
}
