package io.clusterbench.tune;

import io.clusterbench.control.TuningListener;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.Evidence;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunIds;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import io.clusterbench.spec.ActionSpec;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SecretScrubber;
import io.clusterbench.ssh.RunSshHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Plans and applies a spec's tuning actions with the one protocol every action follows: read the state, change it,
 * read it back, compare. When a change fails or reads back wrong, every action this run already changed is rolled
 * back in reverse order (each rollback read back too), unless the spec says {@code rollback: false}. Before the
 * first change a preflight plans every action: when a required one is known to fail, nothing is applied and every
 * action is recorded as not started with the reason; an optional one known to fail is skipped. Every step
 * goes to {@code evidence.jsonl} before the next one starts, and the outcome to {@code result.json}.
 *
 * <p>Usage: {@code RunResult result = new Tuning(ActionRegistry.standard(), SecretResolver.system(),
 * Clock.systemUTC()).apply(loaded, "cluster.yaml", out, true, TuningListener.SILENT, () -> false);}
 */
public final class Tuning {
    private final ActionRegistry registry;
    private final SecretResolver secrets;
    private final Clock clock;

    public Tuning(ActionRegistry registry, SecretResolver secrets, Clock clock) {
        this.registry = registry;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Works out what each action would change; changes nothing and writes nothing. An outcome whose
     * {@link ChangeOutcome#knownToFail()} is set is one that apply's preflight would refuse (or skip, when optional).
     */
    public List<ChangeOutcome> plan(LoadedSpec loaded, TuningListener listener) {
        List<ChangeOutcome> outcomes = new ArrayList<>();
        try (RunSshHosts ssh = new RunSshHosts(loaded.spec(), secrets)) {
            for (ActionSpec spec : loaded.spec().tuning()) {
                ChangeOutcome outcome = planOne(loaded, spec, ssh);
                outcomes.add(outcome);
                listener.planned(outcome);
            }
        }
        return outcomes;
    }

    /**
     * Which actions would change something, and which of those could not be rolled back (a restart, a command
     * without {@code undo}, or an action whose state cannot be read); plans only, changes nothing.
     *
     * @param changing the ids of the actions that would change something
     * @param irreversible the ids among them whose change cannot be undone, each with why
     * @param refused the required (not optional) actions known to fail, each id with why: the tuning's preflight
     *     would refuse it, so nothing would be applied
     */
    public record Reversibility(List<String> changing, List<String> irreversible, List<String> refused) {
        public Reversibility {
            changing = List.copyOf(changing);
            irreversible = List.copyOf(irreversible);
            refused = List.copyOf(refused);
        }

        /** A tuning nothing is known against. */
        public Reversibility(List<String> changing, List<String> irreversible) {
            this(changing, irreversible, List.of());
        }
    }

    /** Plans every action to see whether the tuning can be applied and rolled back at will; changes nothing. */
    public Reversibility reversibility(LoadedSpec loaded) {
        List<String> changing = new ArrayList<>();
        List<String> irreversible = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try (RunSshHosts ssh = new RunSshHosts(loaded.spec(), secrets)) {
            for (ActionSpec spec : loaded.spec().tuning()) {
                // The same rules as the preflight of an apply (Preflight.find), so that run can refuse before its
                // first round instead of measuring rounds for a tuning that will not be applied.
                String required = spec.optional() ? null : "'" + spec.id() + "': ";
                TuningAction action = registry.action(spec.kind()).orElse(null);
                if (action == null) {
                    if (required != null) {
                        refused.add(required + Preflight.noImplementation(spec));
                    }
                    continue;
                }
                try {
                    ActionPlan plan = action.plan(new ActionContext(loaded.spec(), spec, secrets, ssh, clock));
                    if (plan.fails() && required != null) {
                        refused.add(required + plan.knownToFail());
                    }
                    if (plan.change() == ActionPlan.Change.CHANGE) {
                        changing.add(spec.id());
                        if (!plan.reversible()) {
                            irreversible.add(spec.id() + (plan.note().isEmpty() ? "" : " (" + plan.note() + ")"));
                        }
                    }
                } catch (ClusterBenchException e) {
                    if (required != null) {
                        refused.add(required + Preflight.unreadable(e));
                    }
                    changing.add(spec.id());
                    irreversible.add(spec.id() + " (its state cannot be read: " + e.getMessage() + ")");
                }
            }
        }
        return new Reversibility(changing, irreversible, refused);
    }

    private ChangeOutcome planOne(LoadedSpec loaded, ActionSpec spec, RunSshHosts ssh) {
        TuningAction action = registry.action(spec.kind()).orElse(null);
        if (action == null) {
            String why = Preflight.noImplementation(spec);
            return Outcomes.of(spec, "-", ChangeStatus.FAILED, Map.of(), Map.of(), Map.of(), false, why, why);
        }
        try {
            ActionPlan plan = action.plan(new ActionContext(loaded.spec(), spec, secrets, ssh, clock));
            ChangeStatus status = switch (plan.change()) {
                case CHANGE -> ChangeStatus.PLANNED;
                case UNCHANGED -> ChangeStatus.UNCHANGED;
                case CHECK_ONLY -> ChangeStatus.CHECKED;
            };
            return Outcomes.of(spec, plan.target(), status, plan.before(), plan.wanted(), plan.before(),
                    plan.change() != ActionPlan.Change.CHANGE && !plan.fails(), Outcomes.planMessage(plan),
                    plan.knownToFail());
        } catch (ClusterBenchException e) {
            String why = Preflight.unreadable(e);
            return Outcomes.of(spec, "-", ChangeStatus.FAILED, Map.of(), Map.of(), Map.of(), false, why, why);
        }
    }

    /**
     * Applies every action, rolling back on failure, and writes {@code evidence.jsonl} and {@code result.json} into
     * {@code outDir}.
     *
     * @param rollback whether a failure rolls back the actions already applied (the spec's {@code rollback})
     * @param stopped asked between actions; once true, no further action starts (already applied ones stay)
     * @throws ClusterBenchException when the output folder cannot be written
     */
    public RunResult apply(LoadedSpec loaded, String specFile, Path outDir, boolean rollback,
            TuningListener listener, BooleanSupplier stopped) throws ClusterBenchException {
        Instant startedAt = clock.instant();
        String runId = RunIds.next(startedAt);
        createFolder(outDir);
        SecretScrubber scrubber = SecretScrubber.of(loaded.spec(), secrets);
        try (EvidenceLog log = EvidenceLog.open(outDir.resolve(EvidenceLog.FILE_NAME)).scrubbedBy(scrubber);
                RunSshHosts ssh = new RunSshHosts(loaded.spec(), secrets)) {
            TuningSteps steps = new TuningSteps(runId, log, listener, clock, 0);
            List<ChangeOutcome> outcomes = scrubbed(new TuningProtocol(registry, loaded.spec(), secrets, ssh, clock,
                    steps).run(rollback, stopped), scrubber);
            RunResult result = new RunResult(RunResult.SCHEMA_VERSION, runId, loaded.spec().name(), specFile,
                    loaded.sha256(), ToolInfo.current(), startedAt, clock.instant(), ssh.insecureHosts(), List.of())
                    .withTuning(outcomes, log.written());
            ResultFiles.write(result, outDir.resolve(ResultFiles.RESULT_JSON));
            return result;
        }
    }

    /**
     * Rolls back the actions that an earlier {@link #apply} left APPLIED, newest first, appending the steps to the
     * same {@code evidence.jsonl}; returns the tuned result with updated changes and evidence.
     *
     * @param reason why, with the numbers; it goes into every evidence line and outcome
     */
    public RunResult rollBack(LoadedSpec loaded, RunResult tuned, Path outDir, String reason, TuningListener listener)
            throws ClusterBenchException {
        SecretScrubber scrubber = SecretScrubber.of(loaded.spec(), secrets);
        try (EvidenceLog log = EvidenceLog.open(outDir.resolve(EvidenceLog.FILE_NAME)).scrubbedBy(scrubber);
                RunSshHosts ssh = new RunSshHosts(loaded.spec(), secrets)) {
            TuningSteps steps = new TuningSteps(tuned.runId(), log, listener, clock, tuned.evidence().size());
            List<ChangeOutcome> outcomes = scrubbed(new TuningReversal(registry, loaded.spec(), secrets, ssh, clock,
                    steps).reverse(tuned.changes(), reason), scrubber);
            List<Evidence> evidence = new ArrayList<>(tuned.evidence());
            evidence.addAll(log.written());
            RunResult result = tuned.withTuning(outcomes, evidence);
            ResultFiles.write(result, outDir.resolve(ResultFiles.RESULT_JSON));
            return result;
        }
    }

    /** The outcomes with messages and states scrubbed of secrets: command output and server errors end up there. */
    private static List<ChangeOutcome> scrubbed(List<ChangeOutcome> outcomes, SecretScrubber scrubber) {
        return outcomes.stream().map(c -> new ChangeOutcome(c.action(), c.kind(), scrubber.scrub(c.target()),
                c.status(), scrubber.scrubValues(c.before()), scrubber.scrubValues(c.wanted()),
                scrubber.scrubValues(c.after()), c.verified(), scrubber.scrub(c.message()), c.optional(),
                scrubber.scrub(c.knownToFail()))).toList();
    }

    private static void createFolder(Path outDir) throws ClusterBenchException {
        try {
            Files.createDirectories(outDir);
        } catch (java.io.IOException e) {
            throw new ClusterBenchException(ClusterBenchException.Kind.ENVIRONMENT, "cannot write into " + outDir
                    + " (" + e.getMessage() + "); choose a writable folder with --out", e);
        }
    }
}
