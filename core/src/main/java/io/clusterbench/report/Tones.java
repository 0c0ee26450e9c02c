package io.clusterbench.report;

import io.clusterbench.report.Doc.Tone;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.GateStatus;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.Verdict;

/** Which statuses are good news, which need a look and which are failures, in one place for every report. */
final class Tones {

    private Tones() {
    }

    static Tone of(Verdict verdict) {
        return switch (verdict) {
            case PASS -> Tone.GOOD;
            case WARNING, INCONCLUSIVE -> Tone.WARN;
            case FAIL, ERROR -> Tone.BAD;
        };
    }

    static Tone of(GateStatus status) {
        return switch (status) {
            case PASS -> Tone.GOOD;
            case UNSTABLE -> Tone.WARN;
            case FAIL -> Tone.BAD;
        };
    }

    static Tone of(ProbeStatus status) {
        return switch (status) {
            case OK -> Tone.GOOD;
            case PARTIAL, SKIPPED -> Tone.WARN;
            case FAILED -> Tone.BAD;
        };
    }

    static Tone of(ChangeStatus status) {
        return switch (status) {
            case APPLIED, UNCHANGED -> Tone.GOOD;
            case PLANNED, CHECKED -> Tone.NEUTRAL;
            case ROLLED_BACK, NOT_STARTED -> Tone.WARN;
            case FAILED, ROLLBACK_FAILED -> Tone.BAD;
        };
    }

    /**
     * An action's tone: an optional action's own failure is a warning, since it fails nothing; a required action
     * that the preflight knew would fail is a failure even though it never started.
     */
    static Tone of(ChangeOutcome change) {
        if (change.refusedByPreflight()) {
            return Tone.BAD;
        }
        if (change.optional() && change.status() == ChangeStatus.FAILED) {
            return Tone.WARN;
        }
        return of(change.status());
    }

    static Tone of(ObjectiveStatus status) {
        return switch (status) {
            case PASS -> Tone.GOOD;
            case WARNING, INCONCLUSIVE, IGNORED -> Tone.WARN;
            case FAIL -> Tone.BAD;
        };
    }
}
