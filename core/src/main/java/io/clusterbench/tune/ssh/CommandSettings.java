package io.clusterbench.tune.ssh;

import io.clusterbench.spec.ActionSpec;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.Parameters;
import java.time.Duration;
import java.util.List;

/**
 * An ssh-command action's parameters, read from the spec (which has checked their types already).
 *
 * @param hostId the host the commands run on
 * @param run the command that makes the change
 * @param check the command whose output is the state before and after; empty when not given
 * @param undo the command that reverses {@code run}; empty when not given, which makes the action irreversible
 * @param expectExit the exit code {@code run} must return
 * @param timeout how long each command may run
 */
record CommandSettings(String hostId, List<String> run, List<String> check, List<String> undo, int expectExit,
        Duration timeout) {

    static CommandSettings from(ClusterSpec cluster, ActionSpec action) {
        Parameters p = action.parameters();
        String hostId = action.target();
        // The host's commandTimeout already holds the spec-wide default when the host does not set one.
        Duration timeout = p.optionalDuration("timeout")
                .orElseGet(() -> cluster.hosts().get(hostId).commandTimeout());
        return new CommandSettings(hostId, p.stringList("run"), p.stringList("check"), p.stringList("undo"),
                (int) p.longValue("expectExit", 0), timeout);
    }

    boolean hasCheck() {
        return !check.isEmpty();
    }

    boolean hasUndo() {
        return !undo.isEmpty();
    }
}
