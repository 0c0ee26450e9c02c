package io.clusterbench.result;

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
        List<ProbeMeasurement> probes) {

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
    }
}
