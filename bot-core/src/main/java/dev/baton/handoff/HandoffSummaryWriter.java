package dev.baton.handoff;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.HandoffSummary;
import dev.baton.conversation.IntentCandidate;
import dev.baton.conversation.Message;
import dev.baton.conversation.Sender;
import dev.baton.dialogue.MoodReading;
import dev.baton.privacy.CustomerDetailExtractor;
import dev.baton.privacy.PersonalDataRedactor;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes the summary an agent reads before taking a conversation: what the customer wants, what the bot
 * considered and tried, why it handed off, language, mood and the details already given — personal data
 * redacted.
 */
public final class HandoffSummaryWriter {

    private static final int QUOTE_MAX_CHARS = 140;
    private static final int RECENT_MESSAGES = 3;
    private static final double TOPIC_MIN_CONFIDENCE = 0.2;

    private final PersonalDataRedactor redactor;
    private final CustomerDetailExtractor details;
    private final Function<String, String> intentTitles;

    /** @param intentTitles an intent's title as agents read it, by intent id */
    public HandoffSummaryWriter(PersonalDataRedactor redactor, CustomerDetailExtractor details, Function<String, String> intentTitles) {
        this.redactor = redactor;
        this.details = details;
        this.intentTitles = intentTitles;
    }

    /**
     * @param languageNote set when the visitor's language has no examples and the bot fell back to another
     */
    public HandoffSummary write(Conversation conversation, List<Message> transcript, HandoffReason reason,
                                String language, Optional<String> languageNote, MoodReading mood,
                                int previousConversations, Instant now) {
        List<String> visitorTexts = transcript.stream().filter(m -> m.from() == Sender.VISITOR).map(Message::text).toList();
        List<String> botTried = transcript.stream().filter(m -> m.from() == Sender.BOT)
                .flatMap(m -> m.intent().stream()).distinct().map(intentTitles).toList();
        return new HandoffSummary(customerWants(conversation.considered(), visitorTexts), conversation.considered(),
                reason, language, languageNote, mood.mood(), mood.signals(), details.extract(visitorTexts), botTried,
                now, previousConversations);
    }

    /** The topic the bot guessed, if any, and the visitor's most substantial recent message in their words. */
    private String customerWants(List<IntentCandidate> considered, List<String> visitorTexts) {
        Optional<String> quote = visitorTexts.subList(Math.max(0, visitorTexts.size() - RECENT_MESSAGES), visitorTexts.size())
                .stream().max(Comparator.comparingInt(String::length))
                .map(redactor::redactAll)
                .map(HandoffSummaryWriter::shorten);
        Optional<String> topic = considered.stream().findFirst()
                .filter(c -> c.confidence() >= TOPIC_MIN_CONFIDENCE)
                .map(IntentCandidate::title);
        if (topic.isPresent() && quote.isPresent()) {
            return topic.get() + " — “" + quote.get() + "”";
        }
        return topic.orElseGet(() -> quote.map(q -> "“" + q + "”").orElse("(nothing said yet)"));
    }

    private static String shorten(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= QUOTE_MAX_CHARS ? oneLine : oneLine.substring(0, QUOTE_MAX_CHARS - 1) + "…";
    }
}
