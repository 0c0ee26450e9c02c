package io.clusterbench.tune.ssh;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.Numbers;
import io.clusterbench.ssh.ExecResult;
import io.clusterbench.ssh.SshConnection;
import io.clusterbench.tune.ActionContext;
import io.clusterbench.tune.ActionPlan;
import io.clusterbench.tune.ActionState;
import io.clusterbench.tune.ProgramLookup;
import io.clusterbench.tune.TuningAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ssh-command}: runs {@code run} (an argument list, each argument passed literally) on a host and verifies
 * that it exited with {@code expectExit} and that {@code check}, when given, exits 0 afterwards; the check's output
 * is the state before and after. Rollback runs {@code undo} and reads the check again; without {@code undo} the
 * action cannot be rolled back.
 */
public final class SshCommandAction implements TuningAction {

    static final String NO_UNDO = "no undo command";

    @Override
    public ActionPlan plan(ActionContext context) throws ClusterBenchException {
        CommandSettings settings = CommandSettings.from(context.cluster(), context.action());
        SshConnection connection = context.ssh().connection(settings.hostId());
        Optional<CheckReading> check = settings.hasCheck()
                ? Optional.of(CheckReading.read(connection, settings.check(), settings.timeout())) : Optional.empty();
        Map<String, String> before = check.map(CheckReading::values).orElse(Map.of());
        String note = settings.hasUndo() ? "rollback runs " + settings.undo() : NO_UNDO;
        ActionPlan plan = new ActionPlan(target(connection, settings), before,
                Map.of("exitCode", Integer.toString(settings.expectExit())), settings.run(),
                ActionPlan.Change.CHANGE, settings.hasUndo(), note);
        List<String> known = new ArrayList<>();
        check.filter(CheckReading::notRunnable).ifPresent(reading -> known.add("the check cannot run: "
                + reading.describe(settings.check()) + ", so no read-back can pass"));
        ProgramLookup.missing(connection, settings.run().get(0), "run", settings.hostId(), settings.timeout())
                .ifPresent(known::add);
        if (settings.hasUndo()) {
            ProgramLookup.missing(connection, settings.undo().get(0), "undo", settings.hostId(), settings.timeout())
                    .map(why -> why + " (a rollback would fail)").ifPresent(known::add);
        }
        return known.isEmpty() ? plan : plan.failing(String.join("; ", known));
    }

    @Override
    public ActionState apply(ActionContext context, ActionPlan plan) throws ClusterBenchException {
        CommandSettings settings = CommandSettings.from(context.cluster(), context.action());
        SshConnection connection = context.ssh().connection(settings.hostId());
        // A timeout or a lost connection throws here; the runner records its message and rolls back.
        ExecResult run = connection.exec(settings.run(), settings.timeout());
        Map<String, String> after = outputs("", run);
        // The check runs even after a wrong exit code, so that the evidence shows the state the command left.
        Optional<CheckReading> check = settings.hasCheck()
                ? Optional.of(CheckReading.read(connection, settings.check(), settings.timeout())) : Optional.empty();
        check.ifPresent(reading -> after.putAll(reading.values()));

        boolean exitAsExpected = run.exitCode() == settings.expectExit() && run.exitSignal().isEmpty();
        boolean checkPassed = check.map(reading -> reading.exitCode() == 0).orElse(true);
        StringBuilder message = new StringBuilder("'").append(settings.run().get(0)).append("' ")
                .append(ended(run)).append(" after ").append(Numbers.duration(run.duration()));
        if (exitAsExpected) {
            message.append(" as expected");
        } else {
            message.append(", expected exit ").append(settings.expectExit());
            if (!run.stderr().isBlank()) {
                message.append(" (stderr ").append(Excerpt.quote(run.stderr())).append(')');
            }
        }
        check.ifPresent(reading -> message.append(checkPassed ? "; " : "; but ").append(reading.describe(
                settings.check())));
        return new ActionState(after, exitAsExpected && checkPassed, message.toString());
    }

    @Override
    public ActionState rollback(ActionContext context, ActionPlan plan) throws ClusterBenchException {
        CommandSettings settings = CommandSettings.from(context.cluster(), context.action());
        if (!settings.hasUndo()) {
            // The runner only rolls back reversible plans; this guards a caller that does not.
            return new ActionState(Map.of(), false, NO_UNDO + ": nothing was run to restore " + plan.before());
        }
        SshConnection connection = context.ssh().connection(settings.hostId());
        ExecResult undo = connection.exec(settings.undo(), settings.timeout());
        Map<String, String> values = outputs("undo", undo);
        StringBuilder message = new StringBuilder("undo '").append(settings.undo().get(0)).append("' ")
                .append(ended(undo)).append(" after ").append(Numbers.duration(undo.duration()));
        boolean undone = undo.succeeded();
        if (!undone && !undo.stderr().isBlank()) {
            message.append(" (stderr ").append(Excerpt.quote(undo.stderr())).append(')');
        }
        if (settings.hasCheck()) {
            CheckReading reading = CheckReading.read(connection, settings.check(), settings.timeout());
            values.putAll(reading.values());
            boolean restored = reading.sameAs(plan.before());
            message.append("; ").append(reading.describe(settings.check()))
                    .append(restored ? ", as before the change" : ", but before the change it printed "
                            + Excerpt.quote(plan.before().getOrDefault(CheckReading.OUTPUT_KEY, ""))
                            + " with exit " + plan.before().getOrDefault(CheckReading.EXIT_KEY, "?"));
            undone = undone && restored;
        }
        return new ActionState(values, undone, message.toString());
    }

    /** The undo command to run by hand, or without one, that the change must be reversed by hand; no secret. */
    @Override
    public String byHand(ActionContext context, Map<String, String> before) {
        CommandSettings settings = CommandSettings.from(context.cluster(), context.action());
        String then = settings.hasCheck() ? ", then check that " + settings.check() + " prints "
                + Excerpt.quote(before.getOrDefault(CheckReading.OUTPUT_KEY, "")) + " with exit "
                + before.getOrDefault(CheckReading.EXIT_KEY, "?") + " as before the change" : "";
        if (!settings.hasUndo()) {
            return "reverse " + settings.run() + " on host '" + settings.hostId() + "' (the action has "
                    + NO_UNDO + ")" + then;
        }
        return "run the undo command " + settings.undo() + " on host '" + settings.hostId() + "'" + then;
    }

    /** {@code ops@sark}: the login and host id, never a credential. */
    private static String target(SshConnection connection, CommandSettings settings) {
        return connection.target().user() + "@" + settings.hostId();
    }

    private static Map<String, String> outputs(String prefix, ExecResult result) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(key(prefix, "exitCode"), Integer.toString(result.exitCode()));
        result.exitSignal().ifPresent(signal -> values.put(key(prefix, "exitSignal"), signal));
        values.put(key(prefix, "durationMs"), Long.toString(result.duration().toMillis()));
        values.put(key(prefix, "stdout"), Excerpt.of(result.stdout(), result.stdoutTruncated()));
        values.put(key(prefix, "stderr"), Excerpt.of(result.stderr(), result.stderrTruncated()));
        return values;
    }

    private static String key(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String ended(ExecResult result) {
        return result.exitSignal().map(signal -> "was killed by SIG" + signal)
                .orElse("exited " + result.exitCode());
    }
}
