package dev.baton.intents.rasa;

import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabaseLoader.IntentSource;
import dev.baton.intents.IntentFileProblem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A Rasa user brings the project {@code rasa init} made (fixtures in rasa-init/) and sees what came over and what did not. */
class RasaConversionTest {

    private static final IntentSource NLU = fixture("data/nlu.yml");
    private static final IntentSource DOMAIN = fixture("domain.yml");
    private static final IntentSource RULES = fixture("data/rules.yml");
    private static final IntentSource STORIES = fixture("data/stories.yml");

    @Test
    void theRasaInitProjectBecomesItsSevenIntentsWithEveryExampleInTheGivenLanguage() {
        RasaImportReport report = RasaConversion.convert("en", List.of(NLU, DOMAIN));

        assertThat(report.intents()).extracting(Intent::id)
                .containsExactly("greet", "goodbye", "affirm", "deny", "mood_great", "mood_unhappy", "bot_challenge");
        assertThat(intent(report, "greet").examples()).isEqualTo(Map.of("en", List.of("hey", "hello", "hi",
                "hello there", "good morning", "good evening", "moin", "hey there", "let's go", "hey dude",
                "goodmorning", "goodevening", "good afternoon")));
        assertThat(intent(report, "bot_challenge").examples().get("en")).containsExactly("are you a bot?",
                "are you a human?", "am I talking to a bot?", "am I talking to a human?");
        assertThat(report.intents()).allSatisfy(intent -> assertThat(intent.handoff()).isFalse());
    }

    @Test
    void anIntentIsAnsweredWithTheResponseNamedAfterIt() {
        RasaImportReport report = RasaConversion.convert("en", List.of(NLU, DOMAIN));

        assertThat(intent(report, "greet").answers()).isEqualTo(Map.of("en", List.of("Hey! How are you?")));
        assertThat(intent(report, "goodbye").answers()).isEqualTo(Map.of("en", List.of("Bye")));
    }

    @Test
    void withoutRulesOrStoriesTheOtherIntentsAreLeftUnansweredAndTheirResponsesReported() {
        RasaImportReport report = RasaConversion.convert("en", List.of(NLU, DOMAIN));

        assertThat(report.unanswered()).containsExactly("affirm", "deny", "mood_great", "mood_unhappy", "bot_challenge");
        assertThat(notes(report)).contains(
                "data/nlu.yml:42: intent \"deny\" has no answer (no response \"utter_deny\", nor one its rules or "
                        + "stories agree on): write its answers in the draft, which cannot be published before",
                "domain.yml:16: response \"utter_cheer_up\" is not imported: it answers no intent (it is not "
                        + "utter_<intent>, nor what the rules or stories answer an intent with)");
        assertThat(notes(report)).filteredOn(note -> note.contains("is not imported: it answers no intent"))
                .hasSize(4).anySatisfy(note -> assertThat(note).contains("utter_iamabot"));
        assertThat(notes(report)).contains("domain.yml:32: \"session_config\" is not imported: Baton's conversations "
                + "end as configured in its own properties");
    }

    @Test
    void rulesAndStoriesGiveTheirResponsesAsAnswersButAreThemselvesReportedAsNotImported() {
        RasaImportReport report = RasaConversion.convert("en", List.of(NLU, STORIES, RULES, DOMAIN));

        assertThat(report.unanswered()).isEmpty();
        assertThat(intent(report, "bot_challenge").answers().get("en")).containsExactly("I am a bot, powered by Rasa.");
        assertThat(intent(report, "mood_great").answers().get("en")).containsExactly("Great, carry on!");
        assertThat(intent(report, "mood_unhappy").answers().get("en")).containsExactly(
                "Here is something to cheer you up:\nhttps://i.imgur.com/nGF1K8f.jpg\n\nDid that help you?");
        assertThat(notes(report)).contains(
                "domain.yml:17: response \"utter_cheer_up\": the image is shown as its link: Baton answers with text",
                "data/rules.yml:5: rule \"Say goodbye anytime the user says goodbye\" is not imported as a conversation "
                        + "flow: Baton answers every message on its own, without earlier turns, slots or custom actions; "
                        + "the responses after its intents can serve as their answers",
                "data/nlu.yml:33: intent \"affirm\" is answered with utter_happy as in story \"sad path 1\", where it "
                        + "follows earlier turns: check that it reads well as an answer on its own");
        assertThat(notes(report)).filteredOn(note -> note.contains("is not imported as a conversation flow")).hasSize(5);
        assertThat(notes(report)).noneMatch(note -> note.contains("it answers no intent"));
    }

    @Test
    void entityMarksAreRemovedFromExamplesAndReported() {
        RasaImportReport report = RasaConversion.convert("en", List.of(new IntentSource("nlu.yml", """
                nlu:
                - intent: order_status
                  examples: |
                    - where is order [12345](order_id)
                    - is my [teapot](product:TEAPOT) on its way
                    - my [mug]{"entity": "product", "value": "MUG"} is late
                    - track [12345][{"entity": "order_id"}, {"entity": "number"}] please
                """)));

        assertThat(intent(report, "order_status").examples().get("en")).containsExactly("where is order 12345",
                "is my teapot on its way", "my mug is late", "track 12345 please");
        assertThat(notes(report)).containsExactly(
                "nlu.yml:2: intent \"order_status\" has no answer (no response \"utter_order_status\", nor one its rules "
                        + "or stories agree on): write its answers in the draft, which cannot be published before",
                "nlu.yml:4: intent \"order_status\": the entity marks (order_id, product, number) are removed from its "
                        + "examples, their words kept: Baton extracts no entities");
    }

    @Test
    void synonymsRegexesAndLookupTablesAreReportedAsNotImported() {
        RasaImportReport report = RasaConversion.convert("it", List.of(new IntentSource("nlu.yml", """
                nlu:
                - intent: saluto
                  examples: |
                    - ciao
                - synonym: carta di credito
                  examples: |
                    - visa
                - regex: numero_ordine
                  examples: |
                    - \\d{5}
                - lookup: città
                  examples: |
                    - Roma
                """)));

        assertThat(report.intents()).extracting(Intent::id).containsExactly("saluto");
        assertThat(intent(report, "saluto").examples()).isEqualTo(Map.of("it", List.of("ciao")));
        assertThat(notes(report)).contains(
                "nlu.yml:5: synonym \"carta di credito\" is not imported: Baton extracts no entity values; write its "
                        + "variants as examples of the intents they occur in",
                "nlu.yml:8: regex \"numero_ordine\" is not imported: Baton has no regular-expression features; numbers "
                        + "and emails are normalised already",
                "nlu.yml:11: lookup table \"città\" is not imported: Baton extracts no entities; if its words matter, "
                        + "use them in examples");
    }

    @Test
    void buttonsToIntentsBecomeFollowUpsAndWhatCannotBeShownIsReported() {
        RasaImportReport report = RasaConversion.convert("en", List.of(new IntentSource("nlu.yml", """
                nlu:
                - intent: faq/returns
                  examples: |
                    - can I return a mug
                - intent: Talk-To-Human
                  examples: |
                    - a person please
                """), new IntentSource("domain.yml", """
                responses:
                  utter_faq/returns:
                  - text: "You have 30 days, {first_name}."
                    buttons:
                    - title: "Talk to someone"
                      payload: "/Talk-To-Human"
                    - title: "Our policy"
                      payload: "https://shop.example/returns"
                    - title: "Thanks"
                      payload: "thanks"
                  - custom:
                      blocks: []
                  - text: "Returns are free."
                    channel: slack
                """)));

        Intent returns = intent(report, "faq_returns");
        assertThat(returns.answers().get("en")).containsExactly(
                "You have 30 days, {first_name}.\nOur policy: https://shop.example/returns", "Returns are free.");
        assertThat(returns.followUps()).containsExactly("talk_to_human");
        assertThat(notes(report)).contains(
                "nlu.yml:2: intent \"faq/returns\" is imported as \"faq_returns\": Baton's intent ids are lowercase "
                        + "letters, digits and _, and unique",
                "domain.yml:3: response \"utter_faq/returns\": the text fills in slots ({...}); Baton keeps no slots and "
                        + "would show the braces as written: rewrite the answer in the draft",
                "domain.yml:3: response \"utter_faq/returns\": the link button \"Our policy\" is shown as text with its link",
                "domain.yml:3: response \"utter_faq/returns\": the button \"Thanks\" is dropped: it sends \"thanks\", "
                        + "which is not an intent",
                "domain.yml:11: response \"utter_faq/returns\": \"custom\" is dropped: Baton answers with text and "
                        + "follow-up buttons only",
                "domain.yml:11: response \"utter_faq/returns\": a variation without text is not imported",
                "domain.yml:13: response \"utter_faq/returns\": \"channel\" is dropped: Baton shows every answer on every "
                        + "channel");
    }

    @Test
    void unreadableFilesAreRefusedWithEveryProblemAndItsLine() {
        UnreadableRasaFilesException refused = catchThrowableOfType(UnreadableRasaFilesException.class,
                () -> RasaConversion.convert("en", List.of(
                        new IntentSource("nlu.yml", """
                                nlu:
                                - intent: greet
                                  examples: |
                                    - hi
                                    hello
                                """),
                        new IntentSource("old.md", "## intent:greet\n- hi\n"),
                        new IntentSource("domain.yml", "responses:\n  utter_greet:\n  - text: \"unclosed\n"))));

        assertThat(refused.problems()).extracting(IntentFileProblem::toString).containsExactly(
                "nlu.yml:5: every line of \"examples:\" must start with \"- \", like  - hello",
                "old.md:1: this is Rasa's old Markdown format; convert it to YAML first with \"rasa data convert nlu\" "
                        + "(Rasa 2) and import the YAML file",
                "domain.yml:4: the YAML is broken here (found unexpected end of stream); check the indentation and quotes");
    }

    @Test
    void filesWithoutAnyIntentAreRefused() {
        assertThatThrownBy(() -> RasaConversion.convert("en", List.of(DOMAIN)))
                .isInstanceOf(UnreadableRasaFilesException.class)
                .hasMessageContaining("domain.yml: no intent with examples was found");
    }

    @Test
    void theLanguageMustBeATwoLetterCode() {
        assertThatThrownBy(() -> RasaConversion.convert("english", List.of(NLU)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the language must be a two-letter code such as en, but it is \"english\"");
    }

    private static Intent intent(RasaImportReport report, String id) {
        return report.intents().stream().filter(intent -> intent.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> notes(RasaImportReport report) {
        return report.notImported().stream().map(RasaImportNote::toString).toList();
    }

    private static IntentSource fixture(String path) {
        try (InputStream in = RasaConversionTest.class.getResourceAsStream("/rasa-init/" + path)) {
            return new IntentSource(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
