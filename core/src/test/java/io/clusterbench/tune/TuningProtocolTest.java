package io.clusterbench.tune;

import io.clusterbench.control.TuningListener;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.ActionKind;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol's own rules (order, read-back, rollback in reverse, evidence before each change), checked with a
 * scripted action of our own interface over an in-memory state; the real actions are tested against real servers.
 */
class TuningProtocolTest {

    /** Three ssh-command actions; the scripted action keys its behaviour on the first word of {@code run}. */
    private static final String SPEC = """
            cluster: protocol
            hosts:
              box: { address: 127.0.0.1, user: ops, keyFile: /nonexistent, insecureAcceptAnyHostKey: true }
            tuning:
              - { id: first,  ssh-command: box, run: [set-a] }
              - { id: second, ssh-command: box, run: [%s] }
              - { id: third,  ssh-command: box, run: [set-c] }
            """;

    @Test
    void rollsBackEveryAppliedActionInReverseOrderWhenAReadBackDiffers(@TempDir Path out) throws Exception {
        ScriptedAction action = new ScriptedAction();

        RunResult result = apply(action, "misread-b", out, true);

        assertThat(result.changes()).extracting(ChangeOutcome::action, ChangeOutcome::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("first", ChangeStatus.ROLLED_BACK),
                org.assertj.core.groups.Tuple.tuple("second", ChangeStatus.FAILED),
                org.assertj.core.groups.Tuple.tuple("third", ChangeStatus.NOT_STARTED));
        assertThat(steps(result)).containsExactly(
                "first applying", "first applied", "second applying", "second failed", "third not-started",
                "second rolling-back", "second rolled-back", "first rolling-back", "first rolled-back");
        assertThat(action.state).containsEntry("set-a", "before").containsEntry("misread-b", "before");
        assertThat(EvidenceLog.read(out.resolve(EvidenceLog.FILE_NAME))).isEqualTo(result.evidence());
    }

    @Test
    void leavesAppliedActionsInPlaceWhenRollbackIsOff(@TempDir Path out) throws Exception {
        ScriptedAction action = new ScriptedAction();

        RunResult result = apply(action, "fail-b", out, false);

        assertThat(result.changes().get(0).status()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(action.state).containsEntry("set-a", "wanted");
        assertThat(steps(result)).contains("first not-reversible").doesNotContain("first rolling-back");
    }

    @Test
    void sendsNothingForAnActionAlreadyAtItsWantedState(@TempDir Path out) throws Exception {
        ScriptedAction action = new ScriptedAction();
        action.state.put("set-a", "wanted");

        RunResult result = apply(action, "set-b", out, true);

        assertThat(result.changes()).extracting(ChangeOutcome::status)
                .containsExactly(ChangeStatus.UNCHANGED, ChangeStatus.APPLIED, ChangeStatus.APPLIED);
        assertThat(steps(result)).startsWith("first unchanged", "second applying");
    }

    @Test
    void saysWhatCouldNotBeRolledBack(@TempDir Path out) throws Exception {
        ScriptedAction action = new ScriptedAction();
        action.irreversible.add("set-a");

        RunResult result = apply(action, "fail-b", out, true);

        assertThat(steps(result)).contains("first not-reversible");
        assertThat(result.changes().get(0).message()).contains("cannot be rolled back");
    }

    @Test
    void aFailedActionIsNeverVerifiedEvenWhenItsRollbackReadsBack(@TempDir Path out) throws Exception {
        RunResult result = apply(new ScriptedAction(), "misread-b", out, true);

        ChangeOutcome failed = result.changes().get(1);
        assertThat(failed.status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(failed.verified()).isFalse();
        assertThat(failed.message()).contains("rollback: restored before");
        assertThat(result.changes().get(0).verified()).as("the rolled-back first action").isTrue();
    }

    @Test
    void aRollbackThatFailsNamesTheValuesToRestoreByHand(@TempDir Path out) throws Exception {
        RunResult result = apply(new ScriptedAction(), "misread-stuck", out, true);

        ChangeOutcome stuck = result.changes().get(1);
        assertThat(stuck.status()).isEqualTo(ChangeStatus.ROLLBACK_FAILED);
        assertThat(stuck.verified()).isFalse();
        assertThat(stuck.message()).contains("by hand: restore {misread-stuck=before} on the target");
        assertThat(result.evidence()).filteredOn(e -> e.step() == io.clusterbench.result.EvidenceStep.ROLLBACK_FAILED)
                .singleElement().satisfies(e -> assertThat(e.message()).contains("by hand: restore"));
    }

    @Test
    void planChangesNothing(@TempDir Path out) throws Exception {
        ScriptedAction action = new ScriptedAction();
        LoadedSpec loaded = SpecLoader.load("cluster.yaml", SPEC.formatted("set-b"));

        List<ChangeOutcome> plan = new Tuning(ActionRegistry.of(Map.of(ActionKind.SSH_COMMAND, action)),
                SecretResolver.system(), Clock.systemUTC()).plan(loaded, TuningListener.SILENT);

        assertThat(plan).extracting(ChangeOutcome::status).containsOnly(ChangeStatus.PLANNED);
        assertThat(action.state).isEmpty();
    }

    private static RunResult apply(ScriptedAction action, String second, Path out, boolean rollback)
            throws Exception {
        LoadedSpec loaded = SpecLoader.load("cluster.yaml", SPEC.formatted(second));
        return new Tuning(ActionRegistry.of(Map.of(ActionKind.SSH_COMMAND, action)), SecretResolver.system(),
                Clock.systemUTC()).apply(loaded, "cluster.yaml", out, rollback, TuningListener.SILENT, () -> false);
    }

    private static List<String> steps(RunResult result) {
        return result.evidence().stream().map(e -> e.action() + " " + e.step()).toList();
    }

    /**
     * Keeps one value per command word: "before" until applied, "wanted" after. Words starting with {@code misread}
     * apply but read back wrong; {@code fail} throws when applied.
     */
    private static final class ScriptedAction implements TuningAction {
        final Map<String, String> state = new ConcurrentHashMap<>();
        final List<String> irreversible = new java.util.concurrent.CopyOnWriteArrayList<>();

        private static String key(ActionContext context) {
            return context.action().parameters().stringList("run").get(0);
        }

        @Override
        public ActionPlan plan(ActionContext context) {
            String key = key(context);
            String now = state.getOrDefault(key, "before");
            return new ActionPlan("scripted://" + key, Map.of(key, now), Map.of(key, "wanted"), List.of(key),
                    now.equals("wanted") ? ActionPlan.Change.UNCHANGED : ActionPlan.Change.CHANGE,
                    !irreversible.contains(key), irreversible.contains(key) ? "scripted as irreversible" : "");
        }

        @Override
        public ActionState apply(ActionContext context, ActionPlan plan) throws ClusterBenchException {
            String key = key(context);
            if (key.startsWith("fail")) {
                throw new ClusterBenchException(Kind.REMOTE, key + " refused");
            }
            state.put(key, "wanted");
            String readBack = key.startsWith("misread") ? "other" : "wanted";
            return new ActionState(Map.of(key, readBack), readBack.equals("wanted"), "read back " + readBack);
        }

        @Override
        public ActionState rollback(ActionContext context, ActionPlan plan) {
            String key = key(context);
            if (key.contains("stuck")) {
                return new ActionState(Map.of(key, state.get(key)), false, "still " + state.get(key));
            }
            state.put(key, plan.before().get(key));
            return new ActionState(Map.of(key, state.get(key)), true, "restored " + state.get(key));
        }
    }

}
