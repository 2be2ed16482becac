package dev.baton.handoff;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.HandoffSummary;
import dev.baton.conversation.IntentCandidate;
import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the bot would have said, offered to the agent: the answers of the intents the bot considered before it handed
 * the conversation off (best first; for one never handed off, those it weighed for the latest request), in the
 * language the bot spoke to the visitor, from the intent database in service. Intents that always go to a person are left out, since their answer only announces a person.
 */
public final class SuggestedAnswers {

    /** The handoff summary keeps the bot's best few intents; beyond three, they are rarely what the visitor meant. */
    static final int MAX_INTENTS = 3;

    private final Supplier<IntentDatabase> intents;
    private final String defaultLanguage;

    public SuggestedAnswers(Supplier<IntentDatabase> intents, String defaultLanguage) {
        this.intents = intents;
        this.defaultLanguage = defaultLanguage;
    }

    /** The suggestions for {@code conversation}, best first; empty when the bot considered no answerable intent. */
    public List<SuggestedAnswer> of(Conversation conversation) {
        List<IntentCandidate> considered = conversation.handoff().map(HandoffSummary::intents).orElse(conversation.considered());
        String language = conversation.handoff().map(HandoffSummary::language).or(conversation::language).orElse(defaultLanguage);
        IntentDatabase database = intents.get();
        return considered.stream()
                .map(IntentCandidate::intent)
                .distinct()
                .flatMap(id -> database.find(id).stream())
                .filter(intent -> !intent.handoff() && !intent.id().equals(Intent.OUT_OF_SCOPE))
                .limit(MAX_INTENTS)
                .flatMap(intent -> answers(intent, language))
                .toList();
    }

    /** In the visitor's language or, as the bot itself would answer, in the default one. */
    private Stream<SuggestedAnswer> answers(Intent intent, String language) {
        String answered = intent.answersIn(language).isEmpty() ? defaultLanguage : language;
        String title = intent.titleIn(answered).or(() -> Optional.of(intent.id())).orElseThrow();
        return intent.answersIn(answered).stream().distinct().map(text -> new SuggestedAnswer(intent.id(), title, text));
    }
}
