package io.clusterbench.tune;

import io.clusterbench.control.TuningListener;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.Evidence;
import io.clusterbench.result.EvidenceStep;
import io.clusterbench.spec.ActionSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Numbers, writes and announces the evidence lines of one run. */
final class TuningSteps {
    private final String runId;
    private final EvidenceLog log;
    private final TuningListener listener;
    private final Clock clock;
    private int seq;

    /** @param written how many steps the run already wrote, so numbering goes on */
    TuningSteps(String runId, EvidenceLog log, TuningListener listener, Clock clock, int written) {
        this.runId = runId;
        this.log = log;
        this.listener = listener;
        this.clock = clock;
        this.seq = written;
    }

    Instant now() {
        return clock.instant();
    }

    /** Writes one step; it is on disk when this returns. */
    void write(ActionSpec spec, String target, EvidenceStep step, Map<String, String> before, Map<String, String> wanted,
            Map<String, String> after, List<String> command, Instant startedAt, String message)
            throws ClusterBenchException {
        write(spec.id(), spec.kind().word(), target, step, before, wanted, after, command, startedAt, message);
    }

    /** Writes one step of an action named by id and kind word, which the spec may no longer hold (recovery). */
    void write(String action, String kind, String target, EvidenceStep step, Map<String, String> before,
            Map<String, String> wanted, Map<String, String> after, List<String> command, Instant startedAt,
            String message) throws ClusterBenchException {
        Instant now = clock.instant();
        Evidence evidence = new Evidence(runId, ++seq, now, action, kind, target, step, before,
                wanted, after, command, Math.max(0, now.toEpochMilli() - startedAt.toEpochMilli()), message);
        log.append(evidence);
        listener.step(evidence);
    }
}
