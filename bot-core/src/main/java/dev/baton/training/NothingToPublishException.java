package dev.baton.training;

/** Publishing without a draft: there is nothing new to publish. */
public final class NothingToPublishException extends RuntimeException {

    public NothingToPublishException() {
        super("there is no draft to publish; change something first");
    }
}
