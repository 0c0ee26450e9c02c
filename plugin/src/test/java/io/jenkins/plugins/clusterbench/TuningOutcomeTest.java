package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TuningOutcomeTest {

    private static ChangeOutcome change(String action, ChangeStatus status, String message) {
        return new ChangeOutcome(action, "redis-config", "cache:6379", status, Map.of("maxmemory", "0"),
                Map.of("maxmemory", "1gb"), Map.of("maxmemory", status == ChangeStatus.APPLIED ? "1gb" : "0"),
                status == ChangeStatus.APPLIED, message);
    }

    @Test
    void returnsEachActionWithStatusBeforeAfterAndVerified() {
        TuningOutcome outcome = TuningOutcome.of("run-1", false,
                List.of(change("memory", ChangeStatus.APPLIED, "set maxmemory to 1gb")), "t/result.json");

        @SuppressWarnings("unchecked")
        Map<String, Object> memory = (Map<String, Object>) outcome.toStepResult().get("memory");
        assertThat(memory).containsEntry("status", "APPLIED").containsEntry("verified", true)
                .containsEntry("before", Map.of("maxmemory", "0")).containsEntry("after", Map.of("maxmemory", "1gb"));
        assertThat(memory).containsEntry("target", "cache:6379");
        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.failureMessage()).isEmpty();
    }

    @Test
    void aTuningRefusedByItsPreflightFailsTheStepNamingTheActionAndWhy() {
        ChangeOutcome bad = new ChangeOutcome("bad-hz", "redis-config", "-", ChangeStatus.NOT_STARTED, Map.of(),
                Map.of(), Map.of(), false, "not started: the preflight found that this action would fail", false,
                "hz must be a whole number from 1 to 500");
        ChangeOutcome other = change("memory", ChangeStatus.NOT_STARTED, "not started: the preflight found ...");

        TuningOutcome applied = TuningOutcome.of("run-4", false, List.of(other, bad), "t/result.json");
        TuningOutcome planned = TuningOutcome.of("run-5", true, List.of(other, bad), "t/result.json");

        assertThat(applied.failed()).isTrue();
        assertThat(applied.failureMessage()).isEqualTo("Tuning refused by its preflight, nothing was applied: bad-hz is"
                + " known to fail: hz must be a whole number from 1 to 500");
        assertThat(planned.failed()).isTrue();
        assertThat(planned.failureMessage()).contains("nothing would be applied");
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = (Map<String, Object>) applied.toStepResult().get("bad-hz");
        assertThat(entry).containsEntry("knownToFail", "hz must be a whole number from 1 to 500")
                .containsEntry("optional", false);
    }

    @Test
    void anOptionalActionThatFailedDoesNotFailTheStep() {
        ChangeOutcome optional = new ChangeOutcome("prune", "ssh-command", "ops@box", ChangeStatus.FAILED, Map.of(),
                Map.of(), Map.of(), false, "'docker' exited 1; optional: this failure neither fails the tuning", true,
                "");

        TuningOutcome outcome = TuningOutcome.of("run-6", false,
                List.of(change("memory", ChangeStatus.APPLIED, "set maxmemory to 1gb"), optional), "t/result.json");

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.pageLines()).extracting(ChangeLine::getStatus).containsExactly("APPLIED", "FAILED (optional)");
    }

    @Test
    void aRecoveryFailsOnlyForAChangeLeftAsItWasWithWhatToDoByHand() {
        TuningOutcome restored = TuningOutcome.of("run-2", false, List.of(
                change("timeout", ChangeStatus.ROLLED_BACK, "restored timeout=0"),
                change("policy", ChangeStatus.UNCHANGED, "already at the state before the change")), "r/result.json");
        TuningOutcome left = TuningOutcome.of("run-3", false, List.of(
                change("timeout", ChangeStatus.ROLLED_BACK, "restored timeout=0"),
                change("flag", ChangeStatus.ROLLBACK_FAILED, "by hand: run the undo command [rm, f]")), "r/result.json");

        assertThat(restored.notRestored()).isFalse();
        assertThat(restored.notRestoredMessage()).isEmpty();
        assertThat(left.notRestored()).isTrue();
        assertThat(left.notRestoredMessage())
                .isEqualTo("Not restored: flag ROLLBACK_FAILED: by hand: run the undo command [rm, f]");
    }

    @Test
    void rollbackFromTakesItsOwnDefaultFolderSoTheRunsResultStays() {
        ApplyTuningStep step = new ApplyTuningStep("cluster.yaml");
        assertThat(step.getOut()).isEqualTo(ApplyTuningStep.DEFAULT_OUT);

        step.setRollbackFrom(" clusterbench-tuning/evidence.jsonl ");

        assertThat(step.getRollbackFrom()).isEqualTo("clusterbench-tuning/evidence.jsonl");
        assertThat(step.getOut()).isEqualTo(ApplyTuningStep.DEFAULT_ROLLBACK_OUT);
        step.setRollbackFrom("");
        assertThat(step.getRollbackFrom()).isNull();
    }

    @Test
    void theBuildPageGetsOneLinePerChangeWithBeforeAndAfterFolded() {
        TuningOutcome outcome = TuningOutcome.of("run-1", false, List.of(
                change("memory", ChangeStatus.APPLIED, "set maxmemory to 1gb"),
                change("policy", ChangeStatus.ROLLED_BACK, "restored")), "t/result.json");

        assertThat(outcome.pageLines()).extracting(ChangeLine::getAction, ChangeLine::getTarget,
                ChangeLine::getStatus, ChangeLine::getEvidence).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("memory", "cache:6379", "APPLIED", "maxmemory: 0 -> 1gb"),
                        org.assertj.core.groups.Tuple.tuple("policy", "cache:6379", "ROLLED_BACK", "maxmemory: 0 -> 0"));
    }

    @Test
    void aPlanShowsTheWantedStateAsAfter() {
        TuningOutcome outcome = TuningOutcome.of(null, true,
                List.of(change("memory", ChangeStatus.PLANNED, "would set maxmemory to 1gb")), null);

        assertThat(outcome.changes().get(0).after()).containsEntry("maxmemory", "1gb");
        assertThat(outcome.failed()).isFalse();
    }

    @Test
    void aFailedActionFailsTheOutcomeAndNamesEveryActionThatDidNotEndAsWanted() {
        TuningOutcome outcome = TuningOutcome.of("run-2", false, List.of(
                change("memory", ChangeStatus.ROLLED_BACK, "restored maxmemory 0"),
                change("policy", ChangeStatus.FAILED, "CONFIG SET refused: ERR unknown policy"),
                change("threads", ChangeStatus.NOT_STARTED, "not started")), "t/result.json");

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.failureMessage())
                .startsWith("Tuning failed: ")
                .contains("memory ROLLED_BACK: restored maxmemory 0")
                .contains("policy FAILED: CONFIG SET refused")
                .doesNotContain("threads");
    }

    @Test
    void crossesTheRemotingChannelAsPlainJavaSerialization() throws Exception {
        TuningOutcome outcome = TuningOutcome.of("run-1", false,
                List.of(change("memory", ChangeStatus.APPLIED, "ok")), "t/result.json");
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(outcome);
        }
        assertThat(outcome.changes()).hasSize(1);
    }
}
