package dev.baton.intents;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One FAQ intent as a bot trainer wrote it: what customers say (per language), what the bot answers
 * (per language), the follow-up intents offered as quick replies, and whether it always goes to a human.
 *
 * @param id          stable identifier, e.g. {@code order_status}
 * @param titles      short button label per language; a language without one falls back to its first example
 * @param examples    training examples per language code ({@code en}, {@code it}, {@code lt}, {@code fa})
 * @param answers     one or more answers per language; the bot picks one of them
 * @param followUps   ids of intents offered as quick replies after the answer
 * @param handoff     {@code true} when this intent must always be handed to a human (e.g. a payment dispute)
 * @param team        the team that takes it when handed to people (see {@link dev.baton.handoff.Teams#route})
 */
public record Intent(String id,
                     Map<String, String> titles,
                     Map<String, List<String>> examples,
                     Map<String, List<String>> answers,
                     List<String> followUps,
                     boolean handoff,
                     Optional<String> team) {

    /**
     * The id of the out-of-scope class: examples of what the bot should not answer (anything the database does not
     * cover), learnt like an intent and never answered.
     */
    public static final String OUT_OF_SCOPE = "oos";

    public Intent {
        Objects.requireNonNull(id, "id");
        titles = Map.copyOf(titles);
        examples = Map.copyOf(examples);
        answers = Map.copyOf(answers);
        followUps = List.copyOf(followUps);
        Objects.requireNonNull(team, "team");
    }

    /** An intent no team is named for. */
    public Intent(String id, Map<String, String> titles, Map<String, List<String>> examples,
                  Map<String, List<String>> answers, List<String> followUps, boolean handoff) {
        this(id, titles, examples, answers, followUps, handoff, Optional.empty());
    }

    /** The languages this intent has training examples in. */
    public Set<String> languages() {
        return examples.keySet();
    }

    /** The answers in {@code language}; empty when the intent has none in that language. */
    public List<String> answersIn(String language) {
        return answers.getOrDefault(language, List.of());
    }

    /** The button label in {@code language}, falling back to the first example; empty if the language is unknown. */
    public Optional<String> titleIn(String language) {
        String title = titles.get(language);
        if (title != null) {
            return Optional.of(title);
        }
        return examples.getOrDefault(language, List.of()).stream().findFirst();
    }
}
