package dev.baton.app.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.baton.nlu.Classification;
import dev.baton.nlu.IntentModel;
import dev.baton.nlu.evaluation.ExampleSet;
import dev.baton.nlu.evaluation.LabelledExample;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Classification throughput of a trained {@link IntentModel}, cycling through the examples of a data set.
 * Run with {@code channel-adapters/bench/jmh.sh} (add {@code -t 2} for two threads sharing one model); not run by CI.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClassificationBenchmark {

    /** One model shared by every benchmark thread, as in production. */
    @State(Scope.Benchmark)
    public static class TrainedModel {

        /** An intents directory or JSON Lines file, relative to channel-adapters/. */
        @Param({"../intents"})
        public String examples;

        IntentModel model;
        List<LabelledExample> messages;

        @Setup
        public void train() throws IOException {
            ExampleSet set = ExampleFiles.read(Path.of(examples), "en");
            model = IntentModel.train(set.inScope().toDatabase(), "en");
            messages = set.examples();
        }
    }

    /** Each thread walks the messages on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public Classification classify(TrainedModel trained, Cursor cursor) {
        LabelledExample message = trained.messages.get(cursor.next++ % trained.messages.size());
        return trained.model.classify(message.text(), message.language());
    }
}
