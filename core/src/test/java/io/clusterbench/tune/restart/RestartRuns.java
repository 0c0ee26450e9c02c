package io.clusterbench.tune.restart;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterbench.local.LocalSshd;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.ActionKind;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.testkit.SshdSpecs;
import io.clusterbench.tune.ActionRegistry;
import io.clusterbench.tune.EvidenceLog;
import io.clusterbench.tune.Tuning;
import io.clusterbench.control.TuningListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** What the restart tests share: a spec around the test kit's sshd, applying it, and reading what it wrote. */
final class RestartRuns {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RestartRuns() {
    }

    /** Applies the spec's restart actions with rollback, writing result.json and evidence into {@code out}. */
    static RunResult apply(Path out, LocalSshd sshd, String rest, SecretResolver secrets) throws Exception {
        return tuning(secrets).apply(load(sshd, rest, secrets), "cluster.yaml", out, true, TuningListener.SILENT,
                () -> false);
    }

    static Tuning tuning(SecretResolver secrets) {
        return new Tuning(ActionRegistry.of(Map.of(ActionKind.RESTART, new RestartAction())), secrets,
                Clock.systemUTC());
    }

    /** A spec with one host, the test kit's sshd, followed by {@code rest} (services, probes, tuning). */
    static LoadedSpec load(LocalSshd sshd, String rest, SecretResolver secrets) throws Exception {
        String yaml = "cluster: local\nhosts:\n" + SshdSpecs.host("box", sshd) + rest;
        return SpecLoader.load("cluster.yaml", yaml, sshd.workDir(), secrets);
    }

    /** An argv as the spec's JSON-style flow list, every argument quoted. */
    static String argv(String... arguments) throws Exception {
        return JSON.writeValueAsString(List.of(arguments));
    }

    /** result.json and evidence.jsonl of a run, as one text to search for leaked secrets. */
    static String resultFiles(Path out) throws Exception {
        return Files.readString(out.resolve(ResultFiles.RESULT_JSON))
                + Files.readString(out.resolve(EvidenceLog.FILE_NAME));
    }
}
