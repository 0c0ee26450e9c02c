package io.clusterbench.result;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a tuning action, as it happened: one line of {@code evidence.jsonl}, written before the next step
 * starts, so that a run killed at any moment leaves the truth about what it changed.
 *
 * @param runId the run the step belongs to
 * @param seq the step's number in the run, from 1
 * @param at when the step was written
 * @param action the action id from the spec
 * @param kind the action kind: {@code redis-config}, {@code ssh-command}, {@code restart}, {@code vllm-gpu-memory}
 * @param target what the action changes, without credentials
 * @param step what happened, such as {@code applying} (written BEFORE the change is made) or {@code applied} (read
 *     back and verified); {@link EvidenceStep} lists them all
 * @param before the state read before the change (parameter to value; for commands, the check's output)
 * @param wanted the state the spec asks for
 * @param after the state read back after this step (empty for steps that read nothing)
 * @param command the command that was or will be run, as an argument list, when there is one
 * @param durationMs how long the step took
 * @param message one sentence on what happened and why, with the numbers; never a secret
 */
public record Evidence(
        String runId,
        int seq,
        Instant at,
        String action,
        String kind,
        String target,
        EvidenceStep step,
        Map<String, String> before,
        Map<String, String> wanted,
        Map<String, String> after,
        List<String> command,
        long durationMs,
        String message) {

    public Evidence {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(step, "step");
        before = OrderedMaps.copyOf(before);
        wanted = OrderedMaps.copyOf(wanted);
        after = OrderedMaps.copyOf(after);
        command = List.copyOf(command);
        Objects.requireNonNull(message, "message");
    }
}
