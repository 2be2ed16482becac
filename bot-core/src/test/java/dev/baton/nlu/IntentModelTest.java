package dev.baton.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentModelTest {

    private static final IntentModel MODEL = IntentModel.train(SupportDesk.DATABASE, "en");

    @ParameterizedTest(name = "[{1}] {0} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            where is my package                      | en | order_status
            I can't remember my password             | en | reset_password
            could I chat with a real human           | en | talk_to_human
            are you open on saturday                 | en | opening_hours
            I'd like my money back                   | en | refund
            what is the cost of shipping             | en | shipping_cost
            non trovo il mio ordine, dov'è?          | it | order_status
            ho perso la password                     | it | reset_password
            vorrei parlare con un operatore umano    | it | talk_to_human
            a che ora aprite domani                  | it | opening_hours
            vorrei un rimborso per il mio acquisto   | it | refund
            quanto costa spedire in italia           | it | shipping_cost
            kur mano siuntinys                       | lt | order_status
            pamiršau savo slaptažodį                 | lt | reset_password
            noriu pasikalbėti su žmogumi             | lt | talk_to_human
            kada jūs dirbate                         | lt | opening_hours
            سفارشم کجاست                             | fa | order_status
            رمز عبور را فراموش کردم                   | fa | reset_password
            می‌خواهم با اپراتور حرف بزنم               | fa | talk_to_human
            """)
    void classifiesParaphrasesInEveryLanguageOfTheDatabase(String message, String language, String intent) {
        Classification classification = MODEL.classify(message, language);

        assertThat(classification.best()).get().extracting(IntentScore::intent).isEqualTo(intent);
    }

    @Test
    void ranksEveryIntentBestFirstWithConfidencesThatAreProbabilities() {
        List<IntentScore> ranked = MODEL.classify("where is my order", "en").ranked();

        assertThat(ranked).extracting(IntentScore::intent).containsExactlyInAnyOrder(
                "order_status", "reset_password", "talk_to_human", "opening_hours", "refund", "shipping_cost");
        assertThat(ranked).extracting(IntentScore::confidence)
                .allSatisfy(c -> assertThat(c).isBetween(0.0, 1.0))
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(ranked.stream().mapToDouble(IntentScore::confidence).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void isConfidentAboutAnExampleItWasTaughtAndUnsureAboutGibberish() {
        Classification taught = MODEL.classify("where is my order", "en");
        Classification gibberish = MODEL.classify("qwxz vbnm", "en");

        assertThat(taught.best().orElseThrow().confidence()).isGreaterThan(0.5);
        assertThat(gibberish.best().orElseThrow().confidence()).isLessThan(0.5);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            perché il mio pacco non è ancora arrivato? | perche il mio pacco non e ancora arrivato  | it
            dov’è il mio ordine                        | dov'e il mio ordine                        | it
            noriu kalbėti su žmogumi                   | noriu kalbeti su zmogumi                   | lt
            pamiršau slaptažodį                        | pamirsau slaptazodi                        | lt
            """)
    void classifiesTextTypedWithoutAccentsLikeAccentedText(String accented, String plain, String language) {
        assertThat(MODEL.classify(plain, language)).isEqualTo(MODEL.classify(accented, language));
    }

    @Test
    void classifiesPersianTheSameWithOrWithoutZeroWidthNonJoinerAndWithArabicLetters() {
        Classification withZwnj = MODEL.classify("می‌خواهم با یک انسان صحبت کنم", "fa");

        assertThat(MODEL.classify("میخواهم با یک انسان صحبت کنم", "fa")).isEqualTo(withZwnj);
        assertThat(MODEL.classify("می خواهم با یک انسان صحبت کنم", "fa")).isEqualTo(withZwnj);
        assertThat(MODEL.classify("مي‌خواهم با يك انسان صحبت كنم", "fa")).isEqualTo(withZwnj);
    }

    @Test
    void classifiesALanguageWithoutExamplesAsTheDefaultLanguage() {
        assertThat(MODEL.classify("where is my order", "de")).isEqualTo(MODEL.classify("where is my order", "en"));
        assertThat(MODEL.classify("where is my order", "de").best()).get()
                .extracting(IntentScore::intent).isEqualTo("order_status");
    }

    @Test
    void classifiesIdenticallyAfterSavingAndLoading() throws IOException {
        ModelSettings unusual = ModelSettings.DEFAULTS.withViews(new FeatureSettings(1, 2, 4), new FeatureSettings(3, 0, 0));
        IntentModel trained = IntentModel.train(SupportDesk.DATABASE, "it", unusual);

        IntentModel loaded = reload(trained);

        for (String message : List.of("where is my package", "ho perso la password", "kur mano siuntinys", "سفارشم کجاست")) {
            assertThat(loaded.classify(message, "xx")).isEqualTo(trained.classify(message, "xx"));
            assertThat(loaded.classify(message, "fa")).isEqualTo(trained.classify(message, "fa"));
        }
        assertThat(loaded.languages()).containsExactlyInAnyOrder("en", "it", "lt", "fa");
        assertThat(loaded.defaultLanguage()).isEqualTo("it");
    }

    @Test
    void trainsTheSameModelFromTheSameSeedAndAnotherFromAnother() {
        String message = "I want my money back for the package";
        ModelSettings otherSeed = ModelSettings.DEFAULTS.withSeed(7);

        assertThat(IntentModel.train(SupportDesk.DATABASE, "en").classify(message, "en"))
                .isEqualTo(MODEL.classify(message, "en"));
        assertThat(IntentModel.train(SupportDesk.DATABASE, "en", otherSeed).classify(message, "en"))
                .isNotEqualTo(MODEL.classify(message, "en"));
    }

    @Test
    void labelSmoothingKeepsTheModelFromCertaintyAboutItsOwnExamples() {
        ModelSettings unsmoothed = settings(0.0, 1, ModelSettings.DEFAULTS.outOfScopeWeight());

        double smoothedConfidence = MODEL.classify("where is my order", "en").best().orElseThrow().confidence();
        double unsmoothedConfidence = IntentModel.train(SupportDesk.DATABASE, "en", unsmoothed)
                .classify("where is my order", "en").best().orElseThrow().confidence();

        assertThat(smoothedConfidence).isLessThan(unsmoothedConfidence).isGreaterThan(0.5);
    }

    @Test
    void countsEachOutOfScopeExampleSeveralTimes() {
        List<Intent> intents = new ArrayList<>(SupportDesk.DATABASE.intents());
        intents.add(new Intent(IntentModel.OUT_OF_SCOPE, Map.of(), Map.of("en", List.of(
                "what is the weather tomorrow", "tell me a joke", "who won the match yesterday")),
                Map.of(), List.of(), false));
        IntentDatabase withOutOfScope = new IntentDatabase(intents, "with-oos");
        String unrelated = "will it rain at the match";

        double weighed = outOfScopeConfidence(IntentModel.train(withOutOfScope, "en", settings(0.2, 4, 4)), unrelated);
        double once = outOfScopeConfidence(IntentModel.train(withOutOfScope, "en", settings(0.2, 4, 1)), unrelated);

        assertThat(weighed).isGreaterThan(once);
    }

    @Test
    void refusesSettingsOutsideTheirRange() {
        assertThatThrownBy(() -> settings(1.0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(0.2, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(0.2, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classifiesInParallelExactlyAsSequentially() throws Exception {
        List<String> messages = List.of("where is my package", "ho perso la password", "kur mano siuntinys",
                "سفارشم کجاست", "are you open on saturday", "vorrei un rimborso", "shipping price", "qwxz");
        List<Classification> sequential = messages.stream().map(m -> MODEL.classify(m, "en")).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = pool.invokeAll(Collections.nCopies(8, () -> {
                for (int round = 0; round < 200; round++) {
                    for (int i = 0; i < messages.size(); i++) {
                        if (!MODEL.classify(messages.get(i), "en").equals(sequential.get(i))) {
                            return false;
                        }
                    }
                }
                return true;
            }));
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesToTrainOnFewerThanTwoIntents() {
        IntentDatabase single = new IntentDatabase(List.of(new Intent("only", Map.of(),
                Map.of("en", List.of("hello")), Map.of(), List.of(), false)), "single");

        assertThatThrownBy(() -> IntentModel.train(single, "en"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two intents");
    }

    @Test
    void refusesAModelThatCannotTellItsOwnExamplesApart() {
        List<Intent> identical = IntStream.range(0, 5)
                .mapToObj(i -> new Intent("intent_" + i, Map.of(), Map.of("en", List.of("hello there", "hi")),
                        Map.of(), List.of(), false))
                .toList();

        assertThatThrownBy(() -> IntentModel.train(new IntentDatabase(identical, "identical"), "en"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not converge");
    }

    private static ModelSettings settings(double labelSmoothing, int bags, int outOfScopeWeight) {
        ModelSettings d = ModelSettings.DEFAULTS;
        return new ModelSettings(d.views(), d.epochs(), d.learningRate(), d.l2(), d.pruneBelow(), labelSmoothing, bags,
                outOfScopeWeight, d.seed());
    }

    private static double outOfScopeConfidence(IntentModel model, String message) {
        return model.classify(message, "en").ranked().stream()
                .filter(s -> s.intent().equals(IntentModel.OUT_OF_SCOPE))
                .findFirst().orElseThrow().confidence();
    }

    private static IntentModel reload(IntentModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        return IntentModel.load(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
