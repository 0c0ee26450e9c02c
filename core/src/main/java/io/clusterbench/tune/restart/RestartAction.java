package io.clusterbench.tune.restart;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.result.Numbers;
import io.clusterbench.ssh.ExecResult;
import io.clusterbench.ssh.SshConnection;
import io.clusterbench.tune.ActionContext;
import io.clusterbench.tune.ActionPlan;
import io.clusterbench.tune.ActionState;
import io.clusterbench.tune.ProgramLookup;
import io.clusterbench.tune.TuningAction;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code restart}: runs {@code docker restart}, {@code systemctl restart} or the given command on a host over SSH,
 * then polls the service's health check until it answers healthy or the deadline passes; a service that does not
 * come back fails the action. A restart cannot be undone, so the action is never rolled back.
 */
public final class RestartAction implements TuningAction {

    static final String NOT_REVERSIBLE = "a restart cannot be undone";
    /** The health read for the plan waits no longer than this, however long the deadline. */
    private static final Duration PLAN_CHECK_LIMIT = Duration.ofSeconds(5);

    @Override
    public ActionPlan plan(ActionContext context) throws ClusterBenchException {
        RestartSettings settings = RestartSettings.from(context.cluster(), context.action());
        // Connecting changes nothing and finds an unreachable host before any action of the run is applied.
        SshConnection connection = context.ssh().connection(settings.hostId());
        HealthCheck check = HealthChecks.of(context.cluster(), settings.healthService(), context.secrets());
        Duration limit = settings.deadline().compareTo(PLAN_CHECK_LIMIT) < 0 ? settings.deadline() : PLAN_CHECK_LIMIT;
        Health now = checkOnce(check, limit);
        Map<String, String> before = new LinkedHashMap<>();
        before.put("healthy", Boolean.toString(now.healthy()));
        before.put("health", now.detail());
        String note = NOT_REVERSIBLE + "; apply then waits up to " + describe(settings.deadline()) + " until "
                + check.describe();
        ActionPlan plan = new ActionPlan(settings.target(context.cluster()), before, Map.of("healthy", "true"),
                settings.command(), ActionPlan.Change.CHANGE, false, note);
        return ProgramLookup.missing(connection, settings.command().get(0), "restart", settings.hostId(),
                settings.commandTimeout()).map(plan::failing).orElse(plan);
    }

    @Override
    public String byHand(ActionContext context, Map<String, String> before) {
        return "nothing to restore: " + NOT_REVERSIBLE + "; check that service '" + context.action().target()
                + "' answers healthy";
    }

    @Override
    public ActionState apply(ActionContext context, ActionPlan plan) throws ClusterBenchException {
        RestartSettings settings = RestartSettings.from(context.cluster(), context.action());
        HealthCheck check = HealthChecks.of(context.cluster(), settings.healthService(), context.secrets());
        SshConnection connection = context.ssh().connection(settings.hostId());
        ExecResult restart = connection.exec(settings.command(), settings.commandTimeout());
        String ran = "'" + settings.command().get(0) + "' " + restart.exitSignal()
                .map(signal -> "was killed by SIG" + signal).orElse("exited " + restart.exitCode())
                + " after " + Numbers.duration(restart.duration());
        if (!restart.succeeded()) {
            String stderr = restart.stderr().strip().replace("\n", "\\n");
            throw new ClusterBenchException(Kind.REMOTE, settings.target(context.cluster()) + ": restart command "
                    + ran + (stderr.isEmpty() ? "" : " (stderr '" + cut(stderr) + "')")
                    + ": the service may be down now; check it on " + settings.hostId());
        }
        HealthWait.Result wait = HealthWait.until(check, settings.deadline());
        Map<String, String> after = new LinkedHashMap<>();
        after.put("healthy", Boolean.toString(wait.healthy()));
        after.put("health", wait.last().detail());
        after.put("restartExit", Integer.toString(restart.exitCode()));
        after.put("restartMs", Long.toString(restart.duration().toMillis()));
        after.put("healthChecks", Integer.toString(wait.attempts()));
        after.put(wait.healthy() ? "timeToHealthyMs" : "waitedMs", Long.toString(wait.elapsed().toMillis()));
        String service = "'" + settings.healthService().id() + "'";
        String message = wait.healthy()
                ? ran + "; " + service + " answered healthy after " + Numbers.duration(wait.elapsed()) + " ("
                        + wait.attempts() + " checks): " + wait.last().detail()
                : ran + ", but " + service + " did not answer healthy within " + describe(settings.deadline())
                        + " (" + wait.attempts() + " checks): last error: " + wait.last().detail();
        return new ActionState(after, wait.healthy(), message);
    }

    @Override
    public ActionState rollback(ActionContext context, ActionPlan plan) {
        // The runner only rolls back reversible plans, and a restart's plan never is.
        return new ActionState(Map.of(), false, NOT_REVERSIBLE);
    }

    private static Health checkOnce(HealthCheck check, Duration timeout) throws ClusterBenchException {
        try {
            return check.check(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterBenchException(Kind.ENVIRONMENT, "interrupted while checking " + check.describe(), e);
        }
    }

    /** {@code 60s}, {@code 1500ms}: the spelling the spec uses. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static String cut(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
