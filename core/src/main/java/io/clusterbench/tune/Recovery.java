package io.clusterbench.tune;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.control.TuningListener;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.EvidenceStep;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunIds;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import io.clusterbench.spec.ActionSpec;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.ssh.RunSshHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Restores what a tuning run left applied, from its {@code evidence.jsonl} alone plus the spec (to reach the targets
 * with their secrets): the recovery after a kill, a stop or a {@code rollback: false}. Each action the evidence
 * leaves changed ({@link LeftApplied}) has its current state read; one already at the recorded before-state is
 * {@code unchanged} and nothing is sent, any other state is restored with read-back. Newest change first, like a
 * rollback. Running it again finds everything restored and sends nothing.
 *
 * <p>Usage: {@code RunResult result = new Recovery(ActionRegistry.standard(), SecretResolver.system(),
 * Clock.systemUTC()).recover(loaded, "cluster.yaml", Path.of("out/evidence.jsonl"), Path.of("restored"),
 * TuningListener.SILENT, () -> false);}
 */
public final class Recovery {
    private final ActionRegistry registry;
    private final SecretResolver secrets;
    private final Clock clock;

    public Recovery(ActionRegistry registry, SecretResolver secrets, Clock clock) {
        this.registry = registry;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Restores every change {@code evidenceFile} leaves applied; appends this recovery's own steps to
     * {@code outDir/evidence.jsonl} and writes {@code outDir/result.json}.
     *
     * @param stopped asked between actions; once true, no further action is restored ({@code not-started})
     * @throws ClusterBenchException when the evidence file is unreadable or the out folder cannot be written
     */
    public RunResult recover(LoadedSpec loaded, String specFile, Path evidenceFile, Path outDir,
            TuningListener listener, BooleanSupplier stopped) throws ClusterBenchException {
        List<LeftApplied> left = new ArrayList<>(LeftApplied.from(EvidenceFile.read(evidenceFile).lines()));
        Collections.reverse(left);
        Instant startedAt = clock.instant();
        String runId = RunIds.next(startedAt);
        createFolder(outDir);
        try (EvidenceLog log = EvidenceLog.open(outDir.resolve(EvidenceLog.FILE_NAME));
                RunSshHosts ssh = new RunSshHosts(loaded.spec(), secrets)) {
            TuningSteps steps = new TuningSteps(runId, log, listener, clock, 0);
            List<ChangeOutcome> outcomes = new ArrayList<>();
            for (LeftApplied change : left) {
                outcomes.add(stopped.getAsBoolean() ? notStarted(change, steps)
                        : restore(loaded.spec(), ssh, change, steps));
            }
            RunResult result = new RunResult(RunResult.SCHEMA_VERSION, runId, loaded.spec().name(), specFile,
                    loaded.sha256(), ToolInfo.current(), startedAt, clock.instant(), ssh.insecureHosts(), List.of())
                    .withTuning(outcomes, log.written());
            ResultFiles.write(result, outDir.resolve(ResultFiles.RESULT_JSON));
            return result;
        }
    }

    private ChangeOutcome restore(ClusterSpec cluster, RunSshHosts ssh, LeftApplied change, TuningSteps steps)
            throws ClusterBenchException {
        Instant started = steps.now();
        String manual = "restore " + change.before() + " on " + change.target() + " by hand";
        Optional<ActionSpec> spec = cluster.tuning().stream().filter(a -> a.id().equals(change.action())).findFirst();
        if (spec.isEmpty() || !spec.get().kind().word().equals(change.kind())) {
            return failed(change, steps, started, Map.of(), "the spec has no " + change.kind() + " action '"
                    + change.action() + "', so its target cannot be reached: " + manual
                    + " (or name the spec that the run used)");
        }
        TuningAction action = registry.action(spec.get().kind()).orElse(null);
        if (action == null) {
            return failed(change, steps, started, Map.of(), "no implementation of action kind '" + change.kind()
                    + "' in this build: " + manual);
        }
        ActionContext context = new ActionContext(cluster, spec.get(), secrets, ssh, clock);
        String byHand = "by hand: " + action.byHand(context, change.before());
        ActionPlan now;
        try {
            now = action.plan(context);
        } catch (ClusterBenchException e) {
            return failed(change, steps, started, Map.of(), "cannot read the current state: " + e.getMessage()
                    + "; nothing was sent; " + byHand);
        }
        if (!now.target().equals(change.target())) {
            // The spec changed since the run: restoring on another server would change the wrong thing.
            return failed(change, steps, started, now.before(), "the spec's action now changes " + now.target()
                    + ", but the evidence's change was made on " + change.target() + ": nothing was sent; " + manual);
        }
        if (!now.reversible()) {
            String why = "cannot be rolled back: " + (now.note().isEmpty() ? "the action has no undo" : now.note())
                    + "; " + byHand;
            steps.write(change.action(), change.kind(), now.target(), EvidenceStep.NOT_REVERSIBLE, now.before(),
                    change.before(), Map.of(), List.of(), started, why);
            return outcome(change, ChangeStatus.APPLIED, now.before(), Map.of(), false, why);
        }
        if (!change.before().isEmpty() && holds(now.before(), change.before())) {
            String message = "already at the state before the change, " + change.before() + ": nothing to send";
            steps.write(change.action(), change.kind(), now.target(), EvidenceStep.UNCHANGED, now.before(),
                    change.before(), now.before(), List.of(), started, message);
            return outcome(change, ChangeStatus.UNCHANGED, now.before(), now.before(), true, message);
        }
        steps.write(change.action(), change.kind(), now.target(), EvidenceStep.ROLLING_BACK, now.before(),
                change.before(), Map.of(), List.of(), started, "restoring " + change.before()
                        + ", the state the evidence recorded before the change (its last step: " + change.lastStep()
                        + " at " + change.at() + ")" + (change.before().isEmpty()
                                ? "; without a check command the state cannot be read, so undo runs again" : ""));
        ActionPlan restore = new ActionPlan(now.target(), change.before(), change.wanted(), now.command(),
                ActionPlan.Change.CHANGE, true, now.note());
        try {
            ActionState restored = action.rollback(context, restore);
            String message = restored.verified() ? restored.message() : restored.message() + "; " + byHand;
            steps.write(change.action(), change.kind(), now.target(),
                    restored.verified() ? EvidenceStep.ROLLED_BACK : EvidenceStep.ROLLBACK_FAILED, now.before(),
                    change.before(), restored.values(), List.of(), started, message);
            return outcome(change, restored.verified() ? ChangeStatus.ROLLED_BACK : ChangeStatus.ROLLBACK_FAILED,
                    now.before(), restored.values(), restored.verified(), message);
        } catch (ClusterBenchException e) {
            return failed(change, steps, started, now.before(), e.getMessage() + "; " + byHand);
        }
    }

    /** Whether {@code current} holds every value of {@code before} (other keys a newer spec reads do not count). */
    private static boolean holds(Map<String, String> current, Map<String, String> before) {
        return before.entrySet().stream().allMatch(e -> e.getValue().equals(current.get(e.getKey())));
    }

    private static ChangeOutcome failed(LeftApplied change, TuningSteps steps, Instant started,
            Map<String, String> found, String message) throws ClusterBenchException {
        steps.write(change.action(), change.kind(), change.target(), EvidenceStep.ROLLBACK_FAILED, found,
                change.before(), Map.of(), List.of(), started, message);
        return outcome(change, ChangeStatus.ROLLBACK_FAILED, found, Map.of(), false, message);
    }

    private static ChangeOutcome notStarted(LeftApplied change, TuningSteps steps) throws ClusterBenchException {
        String why = "not started: the recovery was stopped; run it again to restore " + change.before();
        steps.write(change.action(), change.kind(), change.target(), EvidenceStep.NOT_STARTED, Map.of(),
                change.before(), Map.of(), List.of(), steps.now(), why);
        return outcome(change, ChangeStatus.NOT_STARTED, Map.of(), Map.of(), false, why);
    }

    /** A recovery's outcome: {@code before} is the state found, {@code wanted} the one the evidence recorded. */
    private static ChangeOutcome outcome(LeftApplied change, ChangeStatus status, Map<String, String> found,
            Map<String, String> after, boolean verified, String message) {
        return new ChangeOutcome(change.action(), change.kind(), change.target(), status, found, change.before(),
                after, verified, message);
    }

    private static void createFolder(Path outDir) throws ClusterBenchException {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new ClusterBenchException(ClusterBenchException.Kind.ENVIRONMENT, "cannot write into " + outDir
                    + " (" + e.getMessage() + "); choose a writable folder with --out", e);
        }
    }
}
