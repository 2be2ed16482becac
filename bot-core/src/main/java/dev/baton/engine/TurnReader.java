package dev.baton.engine;

import dev.baton.conversation.QuickReply;
import dev.baton.dialogue.Decision;
import dev.baton.dialogue.DecisionPolicy;
import dev.baton.dialogue.MoodReading;
import dev.baton.dialogue.PolicySettings;
import dev.baton.dialogue.Turn;
import dev.baton.nlu.Classification;
import dev.baton.nlu.TextNormalizer;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads one visitor message as the bot does and decides what to do with it: its language, its intents, whether it
 * asks for a person, the visitor's mood, then the decision policy with the confidence floor that comes with the
 * knowledge in service. The conversation engine runs it on every turn; the evaluation of labelled messages runs the
 * very same, so that what it measures is what visitors get.
 */
public final class TurnReader {

    private final Understanding understanding;
    private final PolicySettings policy;

    public TurnReader(Understanding understanding, PolicySettings policy) {
        this.understanding = understanding;
        this.policy = policy;
    }

    /**
     * One visitor message and what the conversation knows around it.
     *
     * @param text                 the message as typed
     * @param conversationLanguage the conversation's language so far
     * @param languageHint         the widget's language hint
     * @param payload              the quick reply's payload, when the visitor pressed one
     * @param consecutiveFailures  messages in a row the bot did not answer before this one
     * @param earlierTexts         given the message's language and normalised text, the visitor's earlier messages,
     *                             normalised, that the mood reader compares it with
     */
    public record Message(String text, Optional<String> conversationLanguage, Optional<String> languageHint,
                          Optional<String> payload, int consecutiveFailures,
                          BiFunction<String, String, List<String>> earlierTexts) {

        /** The first message of a conversation, typed (no button). */
        public static Message first(String text, Optional<String> languageHint) {
            return new Message(text, Optional.empty(), languageHint, Optional.empty(), 0, (language, normalized) -> List.of());
        }
    }

    /**
     * What the bot made of a message.
     *
     * @param language      the language the bot answers in (the detected one, or the default when it has no examples)
     * @param languageNote  set when the visitor seems to write in a language the bot has no examples for
     * @param classification the ranked intents; empty when the visitor chose an intent with a button
     * @param classificationNanos how long the model took (0 when it was not asked)
     * @param askedForHuman the visitor asked for a person, in words or with the button
     */
    public record Reading(String language, Optional<String> languageNote, Classification classification,
                          long classificationNanos, boolean askedForHuman, MoodReading mood, Decision decision) {
    }

    public Reading read(BotKnowledge bot, Message message) {
        String detected = understanding.languages().detect(message.text(), message.conversationLanguage(), message.languageHint());
        String language = bot.intents().languages().contains(detected) ? detected : understanding.defaultLanguage();
        Optional<String> languageNote = detected.equals(language) ? Optional.empty()
                : Optional.of("The visitor seems to write in '" + detected + "', which the bot has no examples for; it used '" + language + "'.");
        String normalized = TextNormalizer.forLanguage(language).normalize(message.text());
        Optional<String> chosen = message.payload().flatMap(QuickReply::intentOf);
        long classifying = System.nanoTime();
        Classification classification = chosen.isPresent() ? new Classification(List.of()) : bot.classifier().classify(message.text(), language);
        long classificationNanos = chosen.isPresent() ? 0 : System.nanoTime() - classifying;
        boolean askedForHuman = message.payload().filter(QuickReply.HANDOFF_PAYLOAD::equals).isPresent()
                || understanding.humanRequests().asksForHuman(normalized, language);
        // A button pressed again (say "Talk to a person") is not a question asked again.
        List<String> earlier = message.payload().isPresent() ? List.of() : message.earlierTexts().apply(language, normalized);
        MoodReading mood = understanding.moods().read(message.text(), normalized, language, earlier);
        List<String> tokens = TextNormalizer.forLanguage(language).tokens(message.text());
        boolean namesNoTopic = bot.topics().namesNoTopic(tokens, language);
        Optional<String> nearest = classification.best()
                .filter(best -> DecisionPolicy.needsSecondOpinion(best.confidence()))
                .flatMap(best -> bot.neighbours().nearestIntent(tokens, language));
        Turn turn = new Turn(classification, chosen, askedForHuman, mood, message.consecutiveFailures(), namesNoTopic, nearest);
        Decision decision = new DecisionPolicy(bot.intents(), policy.withConfidenceFloor(bot.confidenceFloor())).decide(turn);
        return new Reading(language, languageNote, classification, classificationNanos, askedForHuman, mood, decision);
    }
}
