package io.clusterbench.tune.redis;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.tune.ActionContext;
import io.clusterbench.tune.ActionPlan;
import io.clusterbench.tune.ActionState;
import io.clusterbench.tune.TuningAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code redis-config}: CONFIG SET of allow-listed Redis parameters, all of one action in one atomic call on Redis
 * 7+, read back with CONFIG GET and compared in Redis's own form ({@code 100mb} reads back as {@code 104857600}),
 * optionally saved with CONFIG REWRITE ({@code persist: true}), and rolled back by setting the values read before.
 *
 * <p>Refused parameters ({@code dir}, {@code dbfilename}, {@code *-command}, {@code enable-*}, ...) are refused
 * here again, whatever the spec loader let through, and values are checked against their type and range before
 * anything is sent: a bad value fails the action with nothing sent.
 */
public final class RedisConfigAction implements TuningAction {

    @Override
    public ActionPlan plan(ActionContext context) throws ClusterBenchException {
        WantedSettings wanted = WantedSettings.of(context.action());
        RedisServer server = RedisServer.of(context);
        try (RedisAdmin admin = RedisAdmin.open(server, context.secrets())) {
            Map<String, String> before = admin.get(wanted.names());
            boolean unchanged = wanted.problems().isEmpty() && before.equals(wanted.canonical());
            ActionPlan plan = new ActionPlan(server.url(), before, wanted.shown(), List.of(),
                    unchanged ? ActionPlan.Change.UNCHANGED : ActionPlan.Change.CHANGE, true,
                    unchanged ? "" : note(wanted, before, admin));
            return unchanged ? plan : knownFailures(wanted, server, admin).map(plan::failing).orElse(plan);
        }
    }

    /** What makes apply fail for sure, found without sending a change: bad values, persist without a file. */
    private static Optional<String> knownFailures(WantedSettings wanted, RedisServer server,
            RedisAdmin admin) throws ClusterBenchException {
        List<String> reasons = new ArrayList<>(wanted.problems());
        if (wanted.persist() && admin.withoutConfigFile()) {
            reasons.add("persist: true, but " + server.where() + " runs without a config file (config_file in INFO"
                    + " server is empty), so CONFIG REWRITE would fail: drop persist: true, or start Redis from a"
                    + " config file");
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    @Override
    public ActionState apply(ActionContext context, ActionPlan plan) throws ClusterBenchException {
        WantedSettings wanted = WantedSettings.of(context.action());
        wanted.requireValid();
        RedisServer server = RedisServer.of(context);
        try (RedisAdmin admin = RedisAdmin.open(server, context.secrets())) {
            Map<String, String> current = admin.get(wanted.names());
            Map<String, String> send = differing(wanted.canonical(), current);
            if (!send.isEmpty()) {
                admin.set(send, current);
            }
            Map<String, String> after = admin.get(wanted.names());
            if (!after.equals(wanted.canonical())) {
                return new ActionState(after, false, "CONFIG GET on " + server.where() + " reads "
                        + differing(after, wanted.canonical()) + " after CONFIG SET " + send + ", not the wanted "
                        + differing(wanted.canonical(), after));
            }
            String done = "CONFIG SET " + send + " on " + server.where() + " read back as " + after;
            if (!wanted.persist()) {
                return new ActionState(after, true, done + " (live only: lost on restart; persist: true saves it)");
            }
            if (admin.rewrite() == RedisAdmin.Rewrite.NO_CONFIG_FILE) {
                throw new ClusterBenchException(Kind.REMOTE, done + ", but CONFIG REWRITE failed: the server is"
                        + " running without a config file, so the change is live but would be lost on restart;"
                        + " the run counts that as a failure (rolled back unless rollback: false): drop persist:"
                        + " true to change it live only, or put " + after + " in the server's start command or"
                        + " config file (and start Redis from a config file so that CONFIG REWRITE can save it)");
            }
            return new ActionState(after, true, done + " and saved to its config file with CONFIG REWRITE");
        }
    }

    @Override
    public ActionState rollback(ActionContext context, ActionPlan plan) throws ClusterBenchException {
        RedisServer server = RedisServer.of(context);
        boolean persist = context.action().parameters().bool("persist", false);
        try (RedisAdmin admin = RedisAdmin.open(server, context.secrets())) {
            Map<String, String> current = admin.get(plan.before().keySet());
            Map<String, String> restore = differing(plan.before(), current);
            if (!restore.isEmpty()) {
                admin.set(restore, current);
            }
            Map<String, String> after = admin.get(plan.before().keySet());
            if (!after.equals(plan.before())) {
                return new ActionState(after, false, "CONFIG GET on " + server.where() + " reads "
                        + differing(after, plan.before()) + " after restoring, not the earlier "
                        + differing(plan.before(), after) + ": set them back by hand");
            }
            String done = restore.isEmpty() ? server.where() + " already held the earlier values " + after
                    : "CONFIG SET " + restore + " on " + server.where() + " restored and read back " + after;
            if (!persist || restore.isEmpty()) {
                return new ActionState(after, true, done);
            }
            // apply may have saved the new values; the file must say the same as the server again.
            return switch (admin.rewrite()) {
                case WRITTEN -> new ActionState(after, true, done + " and saved to its config file");
                case NO_CONFIG_FILE -> new ActionState(after, true, done + " (no config file, so none was changed)");
            };
        }
    }

    /**
     * {@code CONFIG SET timeout 0 on redis service 'cache' at H:P, e.g. redis-cli -h H -p P --askpass CONFIG SET
     * timeout 0}: the login flags without the password, which redis-cli then asks for.
     */
    @Override
    public String byHand(ActionContext context, Map<String, String> before) {
        StringBuilder set = new StringBuilder("CONFIG SET");
        new java.util.TreeMap<>(before).forEach((name, value) -> set.append(' ').append(name).append(' ')
                .append(value.isEmpty() || value.matches(".*\\s.*") ? "\"" + value + "\"" : value));
        try {
            RedisServer server = RedisServer.of(context);
            return set + " on " + server.where() + ", e.g. redis-cli -h " + server.address() + " -p " + server.port()
                    + server.user().map(user -> " --user " + user).orElse("")
                    + (server.password().isPresent() ? " --askpass " : " ") + set;
        } catch (ClusterBenchException e) {
            return set + " on the server the evidence names";
        }
    }

    /** The entries of {@code wanted} whose value in {@code actual} differs, in wanted's order. */
    private static Map<String, String> differing(Map<String, String> wanted, Map<String, String> actual) {
        Map<String, String> differing = new LinkedHashMap<>();
        wanted.forEach((name, value) -> {
            if (!value.equals(actual.get(name))) {
                differing.put(name, value);
            }
        });
        return differing;
    }

    private static String note(WantedSettings wanted, Map<String, String> before, RedisAdmin admin)
            throws ClusterBenchException {
        List<String> parts = new ArrayList<>();
        // Invalid values are not in the note: the plan's knownToFail names them.
        if (wanted.problems().isEmpty() && differing(wanted.canonical(), before).size() > 1) {
            parts.add(admin.setsAtomically() ? "one atomic CONFIG SET (redis_version " + admin.version() + ")"
                    : "one CONFIG SET per parameter, not atomic (redis_version " + admin.version()
                            + " is older than 7.0); a failure restores those already set");
        }
        parts.addAll(wanted.conversions());
        if (wanted.persist()) {
            parts.add("then CONFIG REWRITE saves it to the server's config file");
        }
        return String.join("; ", parts);
    }
}
