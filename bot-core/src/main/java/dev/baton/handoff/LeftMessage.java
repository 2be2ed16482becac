package dev.baton.handoff;

import java.time.Instant;
import java.util.Optional;

/** A message a visitor left for the agents instead of waiting. */
public record LeftMessage(String id, String conversationId, String visitorId, String text,
                          Optional<String> contact, String language, Instant at) {
}
