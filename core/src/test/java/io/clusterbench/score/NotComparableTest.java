package io.clusterbench.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tuning that did not stay applied gets no effect at all: its runs differ only by the machine. */
class NotComparableTest {

    private static ChangeOutcome change(String action, ChangeStatus status) {
        return new ChangeOutcome(action, "redis-config", "redis://127.0.0.1:6379", status, Map.of(), Map.of(),
                Map.of(), status == ChangeStatus.APPLIED, "test");
    }

    @Test
    void aFailedAndRolledBackTuningHasNothingToCompare() {
        assertThat(RunComparisons.whyNotComparable(List.of(change("first", ChangeStatus.ROLLED_BACK),
                change("second", ChangeStatus.FAILED))))
                .hasValue("not applied: nothing to compare (first ROLLED_BACK, second FAILED)");
    }

    @Test
    void aTuningThatChangedNothingHasNothingToCompare() {
        assertThat(RunComparisons.whyNotComparable(List.of(change("same", ChangeStatus.UNCHANGED))))
                .get().asString().startsWith("not applied: nothing to compare (no action changed anything");
        assertThat(RunComparisons.whyNotComparable(List.of())).get().asString().contains("no tuning");
    }

    @Test
    void anAppliedTuningIsCompared() {
        assertThat(RunComparisons.whyNotComparable(List.of(change("a", ChangeStatus.APPLIED),
                change("b", ChangeStatus.UNCHANGED)))).isEmpty();
    }
}
