package io.clusterbench.tune;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.Evidence;
import io.clusterbench.result.EvidenceStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeftAppliedTest {
    private final List<Evidence> lines = new ArrayList<>();

    @Test
    void anAppliedChangeIsLeftWithTheValueReadBeforeIt() {
        step("cache", EvidenceStep.APPLYING, "0", "300");
        step("cache", EvidenceStep.APPLIED, "0", "300");

        assertThat(LeftApplied.from(lines)).singleElement().satisfies(left -> {
            assertThat(left.before()).containsEntry("timeout", "0");
            assertThat(left.wanted()).containsEntry("timeout", "300");
            assertThat(left.lastStep()).isEqualTo(EvidenceStep.APPLIED);
        });
    }

    @Test
    void anApplyingWithNothingAfterItCountsAsPossiblyApplied() {
        step("cache", EvidenceStep.APPLYING, "0", "300");

        assertThat(LeftApplied.from(lines)).extracting(LeftApplied::lastStep).containsExactly(EvidenceStep.APPLYING);
    }

    @Test
    void onlyTheStateAfterTheLastStepOfAnAlternatingRunCounts() {
        for (int i = 0; i < 3; i++) {
            step("cache", EvidenceStep.APPLYING, "0", "300");
            step("cache", EvidenceStep.APPLIED, "0", "300");
            step("cache", EvidenceStep.ROLLING_BACK, "300", "0");
            step("cache", EvidenceStep.ROLLED_BACK, "300", "0");
        }
        assertThat(LeftApplied.from(lines)).isEmpty();

        step("cache", EvidenceStep.APPLYING, "0", "300");
        step("cache", EvidenceStep.APPLIED, "0", "300");
        step("cache", EvidenceStep.ROLLING_BACK, "300", "0");
        assertThat(LeftApplied.from(lines)).extracting(LeftApplied::lastStep)
                .containsExactly(EvidenceStep.ROLLING_BACK);
    }

    @Test
    void keepsTheEarliestBeforeWhenALaterRunFoundTheChangeAlreadyThere() {
        step("cache", EvidenceStep.APPLYING, "0", "300");
        step("cache", EvidenceStep.APPLIED, "0", "300");
        // A second apply of the same spec, appended to the same file: it finds 300 and sends nothing.
        step("cache", EvidenceStep.UNCHANGED, "300", "300");
        // A third with another wanted value starts from 300; the value to restore is still 0.
        step("cache", EvidenceStep.APPLYING, "300", "600");
        step("cache", EvidenceStep.APPLIED, "300", "600");

        assertThat(LeftApplied.from(lines)).singleElement()
                .satisfies(left -> assertThat(left.before()).containsEntry("timeout", "0"));
    }

    @Test
    void aFailedChangeWithoutItsRollbackIsLeftButOneRolledBackOrNeverSentIsNot() {
        step("a", EvidenceStep.APPLYING, "0", "300");
        step("a", EvidenceStep.FAILED, "0", "300");
        step("b", EvidenceStep.FAILED, "0", "300"); // failed at plan time: no applying, nothing sent
        step("c", EvidenceStep.UNCHANGED, "300", "300");
        step("d", EvidenceStep.APPLYING, "0", "300");
        step("d", EvidenceStep.ROLLBACK_FAILED, "300", "0");
        step("e", EvidenceStep.APPLYING, "0", "300");
        step("e", EvidenceStep.APPLIED, "0", "300");
        step("e", EvidenceStep.NOT_REVERSIBLE, "0", "300");

        assertThat(LeftApplied.from(lines)).extracting(LeftApplied::action).containsExactly("a", "d", "e");
    }

    private void step(String action, EvidenceStep step, String before, String wanted) {
        lines.add(new Evidence("run", lines.size() + 1, Instant.EPOCH.plusSeconds(lines.size()), action,
                "redis-config", "redis://127.0.0.1:6379", step, Map.of("timeout", before), Map.of("timeout", wanted),
                Map.of(), List.of(), 0, "step"));
    }
}
