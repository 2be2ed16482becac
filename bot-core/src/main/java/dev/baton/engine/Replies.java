package dev.baton.engine;

import dev.baton.conversation.QuickReply;
import dev.baton.conversation.Sender;
import dev.baton.dialogue.BotPhrases;
import dev.baton.dialogue.BotPhrases.Phrase;
import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;
import dev.baton.nlu.IntentScore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns decisions into the words and buttons the visitor sees, in the visitor's language. */
final class Replies {

    private final BotPhrases phrases;
    private final String defaultLanguage;

    Replies(BotPhrases phrases, String defaultLanguage) {
        this.phrases = phrases;
        this.defaultLanguage = defaultLanguage;
    }

    /** The language of a visitor whose language is not known yet. */
    String defaultLanguage() {
        return defaultLanguage;
    }

    String say(Phrase phrase, String language, Object... args) {
        return phrases.say(phrase, language, args);
    }

    /**
     * One of the intent's answers in {@code language} (the default language's if it has none there),
     * taking turns so a visitor who asks twice does not read the same words twice.
     */
    String answer(Intent intent, String language, List<RecentMessage> transcript) {
        List<String> answers = intent.answersIn(language).isEmpty() ? intent.answersIn(defaultLanguage) : intent.answersIn(language);
        if (answers.isEmpty()) {
            answers = intent.answers().values().iterator().next();
        }
        int answeredBefore = 0;
        for (RecentMessage m : transcript) {
            if (m.from() == Sender.BOT && m.intent().isPresent() && m.intent().get().equals(intent.id())) {
                answeredBefore++;
            }
        }
        return answers.get(answeredBefore % answers.size());
    }

    List<QuickReply> followUps(Intent intent, IntentDatabase intents, String language) {
        return intent.followUps().stream()
                .flatMap(id -> intents.find(id).stream())
                .flatMap(next -> button(next, language).stream())
                .toList();
    }

    List<QuickReply> choices(List<IntentScore> options, IntentDatabase intents, String language) {
        List<QuickReply> buttons = new ArrayList<>(options.stream()
                .flatMap(o -> intents.find(o.intent()).stream())
                .flatMap(i -> button(i, language).stream())
                .toList());
        buttons.add(talkToPerson(language));
        return buttons;
    }

    QuickReply talkToPerson(String language) {
        return new QuickReply(phrases.say(Phrase.TALK_TO_PERSON, language), QuickReply.HANDOFF_PAYLOAD);
    }

    String title(Intent intent, String language) {
        return intent.titleIn(language).or(() -> intent.titleIn(defaultLanguage)).orElse(intent.id());
    }

    private Optional<QuickReply> button(Intent intent, String language) {
        return Optional.of(QuickReply.forIntent(title(intent, language), intent.id()));
    }
}
