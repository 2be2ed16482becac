package dev.baton.nlu;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import opennlp.tools.ml.model.DataIndexer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * A {@link DataIndexer} that only numbers predicates and outcomes, in order of first appearance, and keeps feature
 * values.
 *
 * <p>OpenNLP's indexers also sort and merge identical events and count predicates for a cutoff, which costs more
 * than training itself on an FAQ database; intent examples are rarely identical, and every feature is kept (a
 * cutoff of 1). Instead, an event can stand for several examples ({@link #getNumTimesEventsSeen}), which is how
 * the intent model weighs its out-of-scope examples. Not thread-safe; used once per training.
 */
final class EventIndex implements DataIndexer {

    private int[][] contexts;
    private float[][] values;
    private int[] outcomes;
    private int[] timesSeen;
    private int[] predicateCounts;
    private String[] predicateLabels;
    private String[] outcomeLabels;

    /** @param timesSeen how many examples each event of an outcome (by label) stands for */
    static EventIndex of(List<Event> events, ToIntFunction<String> timesSeen) {
        EventIndex index = new EventIndex();
        index.index(events, timesSeen);
        return index;
    }

    @Override
    public void init(TrainingParameters parameters, Map<String, String> reportMap) {
        // Nothing to configure.
    }

    @Override
    public void index(ObjectStream<Event> eventStream) throws IOException {
        List<Event> events = new ArrayList<>();
        for (Event event = eventStream.read(); event != null; event = eventStream.read()) {
            events.add(event);
        }
        index(events, outcome -> 1);
    }

    private void index(List<Event> events, ToIntFunction<String> timesSeenOf) {
        Map<String, Integer> predicates = new HashMap<>();
        Map<String, Integer> outcomeIds = new HashMap<>();
        List<Integer> counts = new ArrayList<>();
        contexts = new int[events.size()][];
        values = new float[events.size()][];
        outcomes = new int[events.size()];
        for (int e = 0; e < events.size(); e++) {
            Event event = events.get(e);
            outcomes[e] = outcomeIds.computeIfAbsent(event.getOutcome(), o -> outcomeIds.size());
            String[] context = event.getContext();
            int[] indexed = new int[context.length];
            for (int f = 0; f < context.length; f++) {
                Integer id = predicates.putIfAbsent(context[f], predicates.size());
                if (id == null) {
                    id = predicates.size() - 1;
                    counts.add(0);
                }
                indexed[f] = id;
                counts.set(id, counts.get(id) + 1);
            }
            contexts[e] = indexed;
            values[e] = event.getValues();
        }
        predicateLabels = labels(predicates);
        outcomeLabels = labels(outcomeIds);
        predicateCounts = counts.stream().mapToInt(Integer::intValue).toArray();
        timesSeen = Arrays.stream(outcomes).map(outcome -> timesSeenOf.applyAsInt(outcomeLabels[outcome])).toArray();
    }

    private static String[] labels(Map<String, Integer> ids) {
        String[] labels = new String[ids.size()];
        ids.forEach((label, id) -> labels[id] = label);
        return labels;
    }

    @Override
    public int[][] getContexts() {
        return contexts;
    }

    @Override
    public int[] getNumTimesEventsSeen() {
        return timesSeen;
    }

    @Override
    public int[] getOutcomeList() {
        return outcomes;
    }

    @Override
    public String[] getPredLabels() {
        return predicateLabels;
    }

    @Override
    public int[] getPredCounts() {
        return predicateCounts;
    }

    @Override
    public String[] getOutcomeLabels() {
        return outcomeLabels;
    }

    @Override
    public float[][] getValues() {
        return values;
    }

    @Override
    public int getNumEvents() {
        return contexts.length;
    }
}
