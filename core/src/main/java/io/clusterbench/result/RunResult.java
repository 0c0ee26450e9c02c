package io.clusterbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one run measured, as written to {@code result.json}.
 *
 * @param schemaVersion the version of the {@code result.json} format, {@link #SCHEMA_VERSION} when written now
 * @param runId a unique id of this run, used to name it as a baseline later
 * @param cluster the cluster name from the spec
 * @param specFile the spec file as the user named it
 * @param specSha256 the SHA-256 of the spec file's bytes, so reports can prove which spec ran
 * @param tool which build of the tool ran, where and on which Java
 * @param startedAt when the run started
 * @param endedAt when the run ended (also when it stopped early)
 * @param insecureHosts hosts reached with {@code insecureAcceptAnyHostKey: true}, so reports can flag them
 * @param probes one measurement per probe, in spec order
 * @param changes how each tuning action ended, in spec order (empty when the run tuned nothing)
 * @param evidence every tuning step as it happened, the same lines as {@code evidence.jsonl}
 * @param score the score against the spec's objectives, or null when the run was not scored
 * @param comparison this run against the run before its tuning ({@code clusterbench run}), or null
 * @param gate what the gate decided for this run ({@code assert}, {@code run}, the Jenkins gate), or null
 * @param shard which shard of a sharded run this result is, or null for a whole run (docs/distributed.md)
 * @param shards the shards a merged run was merged from, in shard order; empty for a run measured in one piece
 */
public record RunResult(
        int schemaVersion,
        String runId,
        String cluster,
        String specFile,
        String specSha256,
        ToolInfo tool,
        Instant startedAt,
        Instant endedAt,
        List<String> insecureHosts,
        List<ProbeMeasurement> probes,
        List<ChangeOutcome> changes,
        List<Evidence> evidence,
        ScoreResult score,
        RunComparison comparison,
        GateOutcome gate,
        @JsonInclude(JsonInclude.Include.NON_NULL) ShardMark shard,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ShardMark> shards) {

    /** The {@code result.json} format this build writes; readers refuse newer ones. */
    public static final int SCHEMA_VERSION = 1;

    public RunResult {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        insecureHosts = List.copyOf(insecureHosts);
        probes = List.copyOf(probes);
        // Absent in files from runs that tuned nothing.
        changes = changes == null ? List.of() : List.copyOf(changes);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        // Absent in files of runs measured in one piece.
        shards = shards == null ? List.of() : List.copyOf(shards);
    }

    /** A result of a run measured in one piece. */
    public RunResult(int schemaVersion, String runId, String cluster, String specFile, String specSha256,
            ToolInfo tool, Instant startedAt, Instant endedAt, List<String> insecureHosts,
            List<ProbeMeasurement> probes, List<ChangeOutcome> changes, List<Evidence> evidence, ScoreResult score,
            RunComparison comparison, GateOutcome gate) {
        this(schemaVersion, runId, cluster, specFile, specSha256, tool, startedAt, endedAt, insecureHosts, probes,
                changes, evidence, score, comparison, gate, null, List.of());
    }

    /** A result without a gate decision. */
    public RunResult(int schemaVersion, String runId, String cluster, String specFile, String specSha256,
            ToolInfo tool, Instant startedAt, Instant endedAt, List<String> insecureHosts,
            List<ProbeMeasurement> probes, List<ChangeOutcome> changes, List<Evidence> evidence, ScoreResult score,
            RunComparison comparison) {
        this(schemaVersion, runId, cluster, specFile, specSha256, tool, startedAt, endedAt, insecureHosts, probes,
                changes, evidence, score, comparison, null);
    }

    /** A result of measurements only, without tuning. */
    public RunResult(int schemaVersion, String runId, String cluster, String specFile, String specSha256,
            ToolInfo tool, Instant startedAt, Instant endedAt, List<String> insecureHosts,
            List<ProbeMeasurement> probes) {
        this(schemaVersion, runId, cluster, specFile, specSha256, tool, startedAt, endedAt, insecureHosts, probes,
                List.of(), List.of(), null, null);
    }

    /** The same run with changes and evidence of tuning. */
    public RunResult withTuning(List<ChangeOutcome> changes, List<Evidence> evidence) {
        return new RunResult(schemaVersion, runId, cluster, specFile, specSha256, tool, startedAt, endedAt,
                insecureHosts, probes, changes, evidence, score, comparison, gate, shard, shards);
    }

    /** The same run with its score; a gate decided on an earlier score no longer holds and is dropped. */
    public RunResult withScore(ScoreResult score) {
        return new RunResult(schemaVersion, runId, cluster, specFile, specSha256, tool, startedAt, endedAt,
                insecureHosts, probes, changes, evidence, score, comparison, null, shard, shards);
    }

    /** The same run with the gate's decision on its score. */
    public RunResult withGate(GateOutcome gate) {
        return new RunResult(schemaVersion, runId, cluster, specFile, specSha256, tool, startedAt, endedAt,
                insecureHosts, probes, changes, evidence, score, comparison, gate, shard, shards);
    }

    /** The same run with these measurements in place of its own. */
    public RunResult withProbes(List<ProbeMeasurement> newProbes) {
        return new RunResult(schemaVersion, runId, cluster, specFile, specSha256, tool, startedAt, endedAt,
                insecureHosts, newProbes, changes, evidence, score, comparison, gate, shard, shards);
    }

    /** The same run marked as shard {@code mark} of a sharded run. */
    public RunResult withShard(ShardMark mark) {
        return new RunResult(schemaVersion, runId, cluster, specFile, specSha256, tool, startedAt, endedAt,
                insecureHosts, probes, changes, evidence, score, comparison, gate, mark, shards);
    }

    /** Whether this is one shard of a run, not a whole run (not named isShard: that would be a JSON property). */
    public boolean oneShardOnly() {
        return shard != null;
    }

    /** The same run with its comparison against the run before its tuning. */
    public RunResult withComparison(RunComparison comparison) {
        return new RunResult(schemaVersion, runId, cluster, specFile, specSha256, tool, startedAt, endedAt,
                insecureHosts, probes, changes, evidence, score, comparison, gate, shard, shards);
    }
}
