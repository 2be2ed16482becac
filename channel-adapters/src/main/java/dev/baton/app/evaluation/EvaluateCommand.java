package dev.baton.app.evaluation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

import dev.baton.dialogue.PolicySettings;
import dev.baton.engine.BotKnowledge;
import dev.baton.evaluation.DecisionEvaluation;
import dev.baton.evaluation.ExpectedDecision;
import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.intents.InvalidIntentDatabaseException;
import dev.baton.nlu.IntentModel;
import dev.baton.nlu.ModelSettings;
import dev.baton.nlu.evaluation.CrossValidation;
import dev.baton.nlu.evaluation.ExampleSet;
import dev.baton.nlu.evaluation.LabelledExample;
import dev.baton.nlu.evaluation.Metrics;
import dev.baton.nlu.evaluation.Prediction;
import dev.baton.nlu.evaluation.ThresholdCalibration;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code baton evaluate}: trains the intent model on labelled messages and reports how well it answers others.
 *
 * <pre>
 * evaluate --train TRAIN [--test TEST] [--val VAL] [--threshold X] [--predictions OUT.jsonl]
 *          [--folds K] [--language CODE]
 * evaluate --train INTENTS --decisions MESSAGES [--threshold X] [--predictions OUT.jsonl] [--folds K] [--language CODE]
 * </pre>
 *
 * Without {@code --test}, every TRAIN message is predicted by k-fold cross-validation, and the report adds the same
 * numbers per language. Without {@code --threshold}, the threshold is Larson et al.'s on VAL when given, otherwise
 * {@link ThresholdCalibration#crossValidated} on TRAIN: the one Baton uses in production.
 *
 * <p>With {@code --decisions}, the bot learns TRAIN as a running node does and the report says what it does with each
 * labelled message ({@link ExpectedDecision}, {@link DecisionEvaluation}): shares answered right and wrong, clarified,
 * handed off and not understood, overall and per language.
 */
public final class EvaluateCommand {

    static final String USAGE = """
            usage: evaluate --train TRAIN [--test TEST] [--val VAL] [--threshold X] [--predictions OUT.jsonl]
                            [--folds K] [--language CODE]
                   evaluate --train INTENTS --decisions MESSAGES [--threshold X] [--predictions OUT.jsonl]
                            [--folds K] [--language CODE]
              TRAIN, TEST, VAL  an intents directory or YAML file, or JSON Lines of {"text", "intent", "lang"?}
                                (intent "oos" marks out-of-scope messages)
              --decisions F     what the bot does with each message of F, JSON Lines of {"text", "intent", "lang"?,
                                "alsoRight"?} where intent may also be oos, unclear or handoff (docs/classifier.md);
                                TRAIN must then be an intents directory or YAML file
              --threshold X     compare confidences with X instead of calibrating a threshold
              --predictions F   write one JSON line per test message
              --folds K         cross-validation folds (default 5)
              --language CODE   language of JSON Lines records without "lang", and the model's default (default en)
            """;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final ObjectMapper JSON_LINES = JsonMapper.builder().build();
    private static final int LATENCY_ROUNDS = 3;

    private EvaluateCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** @return the process exit code: 0 on success, 1 when evaluation failed, 2 for bad arguments */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("evaluate: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            out.println(JSON.writeValueAsString(evaluate(options)));
            return 0;
        } catch (InvalidIntentDatabaseException | IllegalArgumentException | IllegalStateException e) {
            err.println("evaluate: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("evaluate: " + e.getMessage());
            return 1;
        }
    }

    private static ObjectNode evaluate(Options options) throws IOException {
        if (options.decisions != null) {
            return evaluateDecisions(options);
        }
        ExampleSet train = ExampleFiles.read(options.train, options.language);
        ExampleSet test = options.test == null ? null : ExampleFiles.read(options.test, options.language);
        ExampleSet val = options.val == null ? null : ExampleFiles.read(options.val, options.language);
        ModelSettings settings = ModelSettings.DEFAULTS;

        long started = System.nanoTime();
        IntentModel model = IntentModel.train(train.toDatabase(), options.language, settings);
        double trainSeconds = (System.nanoTime() - started) / 1e9;

        String thresholdSource;
        double threshold;
        if (options.threshold != null) {
            threshold = options.threshold;
            thresholdSource = "--threshold";
        } else if (val != null) {
            threshold = ThresholdCalibration.maximisingAccuracy(predict(model, val));
            thresholdSource = "maximises accuracy on --val, oos counted as a class (Larson et al. 2019)";
        } else {
            threshold = ThresholdCalibration.crossValidated(train.toDatabase(), options.language, settings,
                    options.folds);
            thresholdSource = options.folds + "-fold cross-validation on --train, 1/" + options.folds
                    + " of the intents left out of each fold as out-of-scope (production rule)";
        }

        List<Prediction> predictions = test != null
                ? predict(model, test)
                : CrossValidation.heldOutPredictions(train, options.language, settings, options.folds, false);
        if (options.predictions != null) {
            writePredictions(options.predictions, predictions, threshold);
        }

        ObjectNode report = JSON.createObjectNode();
        report.put("train", options.train.toString());
        report.put("test", test != null ? options.test.toString() : options.folds + "-fold cross-validation on train");
        report.put("trainExamples", train.size());
        report.put("testExamples", predictions.size());
        putMetrics(report, Metrics.of(predictions, threshold), true);
        report.put("threshold", threshold);
        report.put("thresholdSource", thresholdSource);
        report.put("trainSeconds", round(trainSeconds, 2));
        ObjectNode latency = report.putObject("latencyMicros");
        double[] micros = latencyMicros(model, test != null ? test : train);
        latency.put("p50", round(percentile(micros, 0.50), 1));
        latency.put("p99", round(percentile(micros, 0.99), 1));
        ObjectNode trustworthy = report.putObject("atAnsweredPrecision97");
        OptionalDouble strict = ThresholdCalibration.forPrecision(predictions, 0.97);
        if (strict.isPresent()) {
            Metrics atStrict = Metrics.of(predictions, strict.getAsDouble());
            trustworthy.put("threshold", strict.getAsDouble());
            trustworthy.put("answeredRate", round(atStrict.answeredRate(), 4));
            trustworthy.put("answeredPrecision", round(atStrict.answeredPrecision(), 4));
        } else {
            trustworthy.putNull("threshold");
        }
        if (test == null || test.languages().size() > 1) {
            ObjectNode perLanguage = report.putObject("perLanguage");
            Map<String, List<Prediction>> byLanguage = new TreeMap<>();
            predictions.forEach(p -> byLanguage.computeIfAbsent(p.example().language(), l -> new ArrayList<>()).add(p));
            byLanguage.forEach((language, languagePredictions) ->
                    putMetrics(perLanguage.putObject(language), Metrics.of(languagePredictions, threshold), false));
        }
        return report;
    }

    private static ObjectNode evaluateDecisions(Options options) throws IOException {
        if (Files.isRegularFile(options.train) && !options.train.getFileName().toString().matches(".*\\.ya?ml")) {
            throw new IllegalArgumentException("--decisions needs --train to be an intents directory or YAML file: "
                    + "the decisions depend on which intents go to people");
        }
        IntentDatabase intents = IntentDatabaseLoader.load(options.train);
        List<ExpectedDecision> messages = ExampleFiles.readDecisions(options.decisions, options.language, intents);
        long started = System.nanoTime();
        BotKnowledge bot = BotKnowledge.learn(intents, options.language, Optional.ofNullable(options.threshold), options.folds);
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        DecisionEvaluation evaluation = new DecisionEvaluation(bot, PolicySettings.DEFAULTS, options.language);
        List<DecisionEvaluation.Judged> judged = evaluation.judge(messages);
        if (options.predictions != null) {
            writeDecisions(options.predictions, judged);
        }

        ObjectNode report = JSON.createObjectNode();
        report.put("train", options.train.toString());
        report.put("decisions", options.decisions.toString());
        report.put("trainExamples", ExampleSet.of(intents).size());
        report.put("messages", judged.size());
        report.put("threshold", bot.confidenceFloor());
        report.put("thresholdSource", options.threshold != null ? "--threshold"
                : options.folds + "-fold cross-validation on --train, 1/" + options.folds
                        + " of the intents left out of each fold as out-of-scope (production rule)");
        report.put("trainAndCalibrateSeconds", round(trainSeconds, 2));
        putShares(report.putObject("overall"), DecisionEvaluation.Shares.of(judged));
        ObjectNode perLanguage = report.putObject("perLanguage");
        Map<String, List<DecisionEvaluation.Judged>> byLanguage = new TreeMap<>();
        judged.forEach(j -> byLanguage.computeIfAbsent(j.expected().message().language(), l -> new ArrayList<>()).add(j));
        byLanguage.forEach((language, inLanguage) ->
                putShares(perLanguage.putObject(language), DecisionEvaluation.Shares.of(inLanguage)));
        ObjectNode latency = report.putObject("turnLatencyMicros");
        double[] micros = turnLatencyMicros(evaluation, messages);
        latency.put("p50", round(percentile(micros, 0.50), 1));
        latency.put("p99", round(percentile(micros, 0.99), 1));
        return report;
    }

    private static void putShares(ObjectNode node, DecisionEvaluation.Shares shares) {
        node.put("messages", shares.messages());
        putRatio(node, "right", shares.right());
        putRatio(node, "confidentlyWrong", shares.confidentlyWrong());
        putRatio(node, "answeredRight", shares.answeredRight());
        putRatio(node, "answeredWrong", shares.answeredWrong());
        putRatio(node, "clarified", shares.clarified());
        putRatio(node, "handedOff", shares.handedOff());
        putRatio(node, "notUnderstood", shares.notUnderstood());
    }

    private static void writeDecisions(Path file, List<DecisionEvaluation.Judged> judged) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (DecisionEvaluation.Judged j : judged) {
                ObjectNode line = JSON_LINES.createObjectNode();
                line.put("text", j.expected().message().text());
                line.put("lang", j.expected().message().language());
                line.put("expected", j.expected().message().intent());
                j.expected().alsoRight().forEach(line.putArray("alsoRight")::add);
                line.put("outcome", j.outcome().name().toLowerCase(Locale.ROOT));
                j.intent().ifPresent(intent -> line.put("intent", intent));
                line.put("right", j.right());
                line.put("readAs", j.reading().language());
                line.put("why", j.reading().decision().why());
                writer.write(JSON_LINES.writeValueAsString(line));
                writer.newLine();
            }
        }
    }

    /** Single-threaded time to read a message and decide, after a first round that lets the JIT compile. */
    private static double[] turnLatencyMicros(DecisionEvaluation evaluation, List<ExpectedDecision> messages) {
        double[] micros = new double[messages.size() * (LATENCY_ROUNDS - 1)];
        int at = 0;
        for (int round = 0; round < LATENCY_ROUNDS; round++) {
            for (ExpectedDecision message : messages) {
                long started = System.nanoTime();
                evaluation.judge(message);
                long took = System.nanoTime() - started;
                if (round > 0) {
                    micros[at++] = took / 1e3;
                }
            }
        }
        return micros;
    }

    private static List<Prediction> predict(IntentModel model, ExampleSet examples) {
        return examples.examples().stream()
                .map(e -> Prediction.of(e, model.classify(e.text(), e.language())))
                .toList();
    }

    private static void putMetrics(ObjectNode node, Metrics metrics, boolean withIntents) {
        node.put("messages", metrics.messages());
        node.put("inScopeMessages", metrics.inScope());
        putRatio(node, "inScopeAccuracy", metrics.inScopeAccuracy());
        putRatio(node, "oosRecall", metrics.oosRecall());
        putRatio(node, "answeredPrecision", metrics.answeredPrecision());
        putRatio(node, "answeredRate", metrics.answeredRate());
        putRatio(node, "top1Accuracy", metrics.top1Accuracy());
        putRatio(node, "macroF1", metrics.macroF1());
        if (withIntents) {
            ObjectNode perIntent = node.putObject("perIntent");
            metrics.perIntent().forEach((intent, m) -> {
                ObjectNode entry = perIntent.putObject(intent);
                putRatio(entry, "precision", m.precision());
                putRatio(entry, "recall", m.recall());
                entry.put("support", m.support());
            });
        }
    }

    /** NaN (e.g. out-of-scope recall without out-of-scope messages) is not JSON: it becomes null. */
    private static void putRatio(ObjectNode node, String name, double value) {
        if (Double.isNaN(value)) {
            node.putNull(name);
        } else {
            node.put(name, round(value, 4));
        }
    }

    private static void writePredictions(Path file, List<Prediction> predictions, double threshold) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Prediction p : predictions) {
                ObjectNode line = JSON_LINES.createObjectNode();
                line.put("text", p.example().text());
                line.put("expected", p.example().intent());
                line.put("predicted", p.predicted());
                line.put("confidence", p.confidence());
                line.put("answered", p.answered(threshold));
                writer.write(JSON_LINES.writeValueAsString(line));
                writer.newLine();
            }
        }
    }

    /** Single-threaded classification time per message, after a first round that lets the JIT compile. */
    private static double[] latencyMicros(IntentModel model, ExampleSet examples) {
        List<LabelledExample> messages = examples.examples();
        double[] micros = new double[messages.size() * (LATENCY_ROUNDS - 1)];
        int at = 0;
        for (int round = 0; round < LATENCY_ROUNDS; round++) {
            for (LabelledExample message : messages) {
                long started = System.nanoTime();
                model.classify(message.text(), message.language());
                long took = System.nanoTime() - started;
                if (round > 0) {
                    micros[at++] = took / 1e3;
                }
            }
        }
        return micros;
    }

    private static double percentile(double[] values, double quantile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(quantile * sorted.length))];
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private record Options(Path train, Path test, Path val, Path decisions, Double threshold, Path predictions,
                           int folds, String language) {

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (!List.of("--train", "--test", "--val", "--decisions", "--threshold", "--predictions", "--folds",
                        "--language").contains(name)) {
                    throw new IllegalArgumentException("unknown argument " + name);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                if (values.put(name, args[++i]) != null) {
                    throw new IllegalArgumentException(name + " given twice");
                }
            }
            if (!values.containsKey("--train")) {
                throw new IllegalArgumentException("--train is required");
            }
            if (values.containsKey("--decisions") && (values.containsKey("--test") || values.containsKey("--val"))) {
                throw new IllegalArgumentException("--decisions cannot be combined with --test or --val");
            }
            Double threshold = values.containsKey("--threshold") ? number("--threshold", values.get("--threshold")) : null;
            if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("--threshold must be in [0, 1], was " + threshold);
            }
            int folds = values.containsKey("--folds") ? (int) (double) number("--folds", values.get("--folds")) : 5;
            if (folds < 2) {
                throw new IllegalArgumentException("--folds must be at least 2");
            }
            return new Options(Path.of(values.get("--train")), path(values.get("--test")), path(values.get("--val")),
                    path(values.get("--decisions")), threshold, path(values.get("--predictions")), folds,
                    values.getOrDefault("--language", "en").toLowerCase(Locale.ROOT));
        }

        private static Path path(String value) {
            return value == null ? null : Path.of(value);
        }

        private static double number(String name, String value) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, was '" + value + "'");
            }
        }
    }
}
