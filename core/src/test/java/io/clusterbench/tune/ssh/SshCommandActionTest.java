package io.clusterbench.tune.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterbench.local.LocalSshd;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.Evidence;
import io.clusterbench.result.EvidenceStep;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.ActionKind;
import io.clusterbench.spec.DefaultSecretResolver;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.testkit.RealServers;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** ssh-command against a real private sshd: literal arguments, read-back by check, undo on rollback, timeouts. */
@ExtendWith(RealServers.class)
class SshCommandActionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecretResolver NO_SECRETS = new DefaultSecretResolver(Map.<String, String>of()::get);

    @TempDir
    Path dir;

    @Test
    void passesHostileArgumentsToTheRemoteProgramLiterally(LocalSshd sshd) throws Exception {
        Path out = dir.resolve("out.txt");
        Path dollar = dir.resolve("pwned-dollar");
        Path tick = dir.resolve("pwned-tick");
        String hostile = "it's \"quoted\"; $(touch " + dollar + ") `touch " + tick + "` && echo $HOME ${IFS}\n"
                + "second line * ? [a] ~ | > < \\ end";
        RunResult result = apply(sshd, """
                  - ssh-command: box
                    run: %s
                    check: %s
                  - ssh-command: box
                    run: %s
                """.formatted(argv("sh", "-c", "printf %s \"$1\" > " + out, "sh", hostile), argv("cat", out.toString()),
                argv("printf", "%s|", "*", "a b", "$(id)")));

        assertThat(result.changes()).extracting(ChangeOutcome::status)
                .containsExactly(ChangeStatus.APPLIED, ChangeStatus.APPLIED);
        assertThat(Files.readString(out)).isEqualTo(hostile);
        assertThat(result.changes().get(0).after()).containsEntry("check", hostile).containsEntry("checkExit", "0")
                .containsEntry("exitCode", "0");
        assertThat(result.changes().get(0).before()).containsEntry("checkExit", "1");
        assertThat(result.changes().get(1).after()).containsEntry("stdout", "*|a b|$(id)|");
        assertThat(dollar).doesNotExist();
        assertThat(tick).doesNotExist();
    }

    @Test
    void rollsBackAnEarlierCommandWithItsUndoWhenALaterCheckFails(LocalSshd sshd) throws Exception {
        Path marker = dir.resolve("marker");
        RunResult result = apply(sshd, """
                  - id: make-marker
                    ssh-command: box
                    run: [touch, "%s"]
                    undo: [rm, "%s"]
                    check: [test, -e, "%s"]
                  - id: failing-check
                    ssh-command: box
                    run: ["true"]
                    check: [test, -e, "%s"]
                """.formatted(marker, marker, marker, dir.resolve("never-there")));

        assertThat(marker).doesNotExist();
        ChangeOutcome first = result.changes().get(0);
        ChangeOutcome second = result.changes().get(1);
        assertThat(first.status()).isEqualTo(ChangeStatus.ROLLED_BACK);
        assertThat(first.verified()).isTrue();
        assertThat(first.after()).containsEntry("checkExit", "1").containsEntry("undoExitCode", "0");
        assertThat(second.status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(second.message()).contains("read-back differs").contains("check 'test' exited 1")
                .contains("cannot be rolled back: " + SshCommandAction.NO_UNDO);
        List<Evidence> evidence = EvidenceLog.read(dir.resolve("out").resolve(EvidenceLog.FILE_NAME));
        assertThat(steps(evidence, "make-marker")).containsExactly("applying", "applied", "rolling-back",
                "rolled-back");
        assertThat(steps(evidence, "failing-check")).containsExactly("applying", "failed", "not-reversible");
        assertThat(evidence).filteredOn(e -> e.step() == EvidenceStep.ROLLED_BACK).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("undo 'rm' exited 0")
                        .contains("as before the change"));
    }

    @Test
    void recordsACommandThatOutlivesItsTimeoutAsFailed(LocalSshd sshd) throws Exception {
        RunResult result = apply(sshd, """
                  - ssh-command: box
                    run: [sleep, "30"]
                    timeout: 1s
                """);

        ChangeOutcome outcome = result.changes().get(0);
        assertThat(outcome.status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(outcome.message()).contains("did not finish within 1 s").contains("sent KILL");
        assertThat(result.evidence()).filteredOn(e -> e.step() == EvidenceStep.FAILED).singleElement()
                .satisfies(e -> assertThat(e.durationMs()).isLessThan(20_000));
    }

    @Test
    void failsWhenTheExitCodeIsNotTheExpectedOne(LocalSshd sshd) throws Exception {
        RunResult result = apply(sshd, """
                  - ssh-command: box
                    run: [sh, -c, "echo oops >&2; exit 3"]
                """);

        ChangeOutcome outcome = result.changes().get(0);
        assertThat(outcome.status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(outcome.message()).contains("'sh' exited 3").contains("expected exit 0").contains("'oops'");
        assertThat(outcome.after()).containsEntry("exitCode", "3").containsEntry("stderr", "oops\n");
    }

    @Test
    void acceptsANonZeroExitCodeThatIsExpected(LocalSshd sshd) throws Exception {
        RunResult result = apply(sshd, """
                  - ssh-command: box
                    run: [sh, -c, "exit 3"]
                    expectExit: 3
                """);

        assertThat(result.changes().get(0).status()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(result.changes().get(0).message()).contains("exited 3").contains("as expected");
    }

    @Test
    void planReadsTheCheckButRunsNothing(LocalSshd sshd) throws Exception {
        Path state = dir.resolve("state");
        Files.writeString(state, "old\n");
        Path created = dir.resolve("created");
        LoadedSpec loaded = load(sshd, """
                  - ssh-command: box
                    run: [touch, "%s"]
                    check: [cat, "%s"]
                """.formatted(created, state));

        List<ChangeOutcome> plan = tuning().plan(loaded, TuningListener.SILENT);

        assertThat(created).doesNotExist();
        assertThat(plan).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(ChangeStatus.PLANNED);
            assertThat(outcome.before()).containsEntry("check", "old").containsEntry("checkExit", "0");
            assertThat(outcome.target()).isEqualTo(sshd.user() + "@box");
            assertThat(outcome.message()).contains("would run [touch, " + created + "]")
                    .contains(SshCommandAction.NO_UNDO);
        });
    }

    @Test
    void aRunProgramThatIsNotOnTheHostIsKnownToFailAndNothingRuns(LocalSshd sshd) throws Exception {
        Path marker = dir.resolve("marker");
        LoadedSpec loaded = load(sshd, """
                  - id: touch
                    ssh-command: box
                    run: [touch, "%s"]
                  - id: missing
                    ssh-command: box
                    run: [clusterbench-no-such-program, --now]
                """.formatted(marker));

        List<ChangeOutcome> plan = tuning().plan(loaded, TuningListener.SILENT);
        RunResult result = apply(sshd, loaded);

        assertThat(plan.get(1).knownToFail()).contains("'clusterbench-no-such-program' is not found on host 'box'");
        assertThat(plan.get(0).knownToFail()).isEmpty();
        assertThat(marker).as("the preflight let the first action run nothing").doesNotExist();
        assertThat(result.changes()).extracting(ChangeOutcome::status)
                .containsExactly(ChangeStatus.NOT_STARTED, ChangeStatus.NOT_STARTED);
        assertThat(ChangeOutcome.refusedByPreflight(result.changes())).isTrue();
        assertThat(result.evidence()).extracting(e -> e.step().word()).containsExactly("not-started", "not-started");
    }

    @Test
    void aCheckThatCannotRunIsKnownToFail(LocalSshd sshd) throws Exception {
        List<ChangeOutcome> plan = tuning().plan(load(sshd, """
                  - ssh-command: box
                    run: ["true"]
                    check: [clusterbench-no-such-check]
                """), TuningListener.SILENT);

        assertThat(plan).singleElement().satisfies(outcome -> {
            assertThat(outcome.knownToFail()).contains("the check cannot run").contains("exited 127");
            assertThat(outcome.message()).startsWith("known to fail: ");
        });
    }

    @Test
    void anOptionalCommandThatFailsIsRecordedAndTheOthersStayAndRun(LocalSshd sshd) throws Exception {
        Path first = dir.resolve("first");
        Path third = dir.resolve("third");
        RunResult result = apply(sshd, """
                  - id: first
                    ssh-command: box
                    run: [touch, "%s"]
                    undo: [rm, "%s"]
                  - id: prune
                    ssh-command: box
                    run: [sh, -c, "exit 3"]
                    optional: true
                  - id: third
                    ssh-command: box
                    run: [touch, "%s"]
                """.formatted(first, first, third));

        assertThat(result.changes()).extracting(ChangeOutcome::status)
                .containsExactly(ChangeStatus.APPLIED, ChangeStatus.FAILED, ChangeStatus.APPLIED);
        ChangeOutcome prune = result.changes().get(1);
        assertThat(prune.optional()).isTrue();
        assertThat(prune.message()).contains("expected exit 0").contains("optional: this failure neither fails");
        assertThat(first).as("not rolled back by the optional failure").exists();
        assertThat(third).as("the action after the optional failure ran").exists();
        assertThat(ChangeOutcome.tuningFailed(result.changes())).isFalse();
    }

    private static List<String> steps(List<Evidence> evidence, String action) {
        return evidence.stream().filter(e -> e.action().equals(action)).map(e -> e.step().word()).toList();
    }

    private RunResult apply(LocalSshd sshd, String tuning) throws Exception {
        return apply(sshd, load(sshd, tuning));
    }

    private RunResult apply(LocalSshd sshd, LoadedSpec loaded) throws Exception {
        return tuning().apply(loaded, "cluster.yaml", dir.resolve("out"), true, TuningListener.SILENT, () -> false);
    }

    private static Tuning tuning() {
        return new Tuning(ActionRegistry.of(Map.of(ActionKind.SSH_COMMAND, new SshCommandAction())), NO_SECRETS,
                Clock.systemUTC());
    }

    private static LoadedSpec load(LocalSshd sshd, String tuning) throws Exception {
        String yaml = "cluster: local\nhosts:\n" + SshdSpecs.host("box", sshd) + "tuning:\n" + tuning;
        return SpecLoader.load("cluster.yaml", yaml, sshd.workDir(), NO_SECRETS);
    }

    /** An argument list as a YAML flow sequence; JSON strings are YAML double-quoted scalars with the same escapes. */
    private static String argv(String... arguments) throws Exception {
        return JSON.writeValueAsString(List.of(arguments));
    }
}
