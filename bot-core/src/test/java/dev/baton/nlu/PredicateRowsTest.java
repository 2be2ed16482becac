package dev.baton.nlu;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PredicateRowsTest {

    @Test
    void findsTheRowOfEveryTrainedNameAndNoneForAnUntrainedOne() {
        List<String> names = IntStream.range(0, 50_000).mapToObj(i -> "cng=" + Integer.toString(i, 36)).toList();
        PredicateRows rows = new PredicateRows(names);

        assertThat(IntStream.range(0, names.size())).allSatisfy(i -> assertThat(rows.rowOf(names.get(i))).isEqualTo(i));
        assertThat(IntStream.range(50_000, 100_000)).allSatisfy(i -> assertThat(rows.rowOf("cng=" + Integer.toString(i, 36))).isEqualTo(-1));
        assertThat(rows.rowOf("")).isEqualTo(-1);
    }

    @Test
    void worksWithNoNamesAtAll() {
        assertThat(new PredicateRows(List.of()).rowOf("bias")).isEqualTo(-1);
    }
}
