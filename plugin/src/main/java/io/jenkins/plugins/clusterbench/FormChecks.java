package io.jenkins.plugins.clusterbench;

import io.clusterbench.control.ShardRun;

import java.util.Optional;

import io.clusterbench.result.GatePolicy;
import io.clusterbench.result.HistoryWindow;
import io.clusterbench.result.ResultIds;
import java.io.IOException;

/**
 * The checks of the steps' free-text options, each with the rule the step itself applies when it runs (core's
 * parsers and range checks), so the form refuses exactly what a build would refuse. The parsers' messages are core's,
 * the ones the CLI prints; the plugin's own are in {@code Messages.properties}.
 */
final class FormChecks {

    private FormChecks() {
    }

    /** {@code id}: core's characters rule; blank names the result after the output folder. */
    static FieldCheck id(String value) {
        return isBlank(value) ? FieldCheck.ok() : FieldCheck.errorIf(ResultIds.problem(value.trim()));
    }

    /**
     * {@code spec}: required; where the workspace can be looked at, a warning when the file is not there (yet: a
     * checkout or {@code writeFile} earlier in the build may create it).
     */
    static FieldCheck spec(String value, WorkspaceFiles workspace) {
        return isBlank(value) ? FieldCheck.error(Messages.FormChecks_SpecRequired()) : inWorkspace(value, workspace);
    }

    /**
     * {@code pushGateway}: blank pushes nothing; otherwise an http(s) URL, checked by core's parser as the step checks
     * it before anything runs (the message never repeats the URL, which may carry credentials).
     */
    static FieldCheck pushGateway(String value) {
        if (isBlank(value)) {
            return FieldCheck.ok();
        }
        try {
            io.clusterbench.control.PushTarget.parse(value.trim(), "pushGateway");
            return FieldCheck.ok();
        } catch (io.clusterbench.ClusterBenchException e) {
            return FieldCheck.error(e.getMessage());
        }
    }

    /** An optional file of the workspace ({@code result}, {@code rollbackFrom}): blank keeps the default. */
    static FieldCheck optionalFile(String value, WorkspaceFiles workspace) {
        return isBlank(value) ? FieldCheck.ok() : inWorkspace(value.trim(), workspace);
    }

    /** {@code baseline}: core's {@link HistoryWindow#parse}; blank is the default window. */
    static FieldCheck baseline(String value) {
        if (isBlank(value)) {
            return FieldCheck.ok();
        }
        try {
            HistoryWindow.parse(value.trim());
            return FieldCheck.ok();
        } catch (IllegalArgumentException e) {
            return FieldCheck.error(e.getMessage());
        }
    }

    /** {@code minimum}, {@code unstableBelow}: core's range rule (0 to 100); blank sets no threshold. */
    static FieldCheck score(String option, String value) {
        return FieldCheck.errorIf(GatePolicy.scoreProblem(option, value));
    }

    /** A credential binding's name: the rule {@link BoundCredentials} applies before a build looks anything up. */
    static FieldCheck credentialName(String value) {
        return FieldCheck.errorIf(BoundSecretResolver.nameProblem(value));
    }

    private static FieldCheck inWorkspace(String path, WorkspaceFiles workspace) {
        if (workspace == null) {
            return FieldCheck.ok();
        }
        try {
            return workspace.has(path) ? FieldCheck.ok()
                    : FieldCheck.warning(Messages.FormChecks_NotInWorkspace(path));
        } catch (IOException e) {
            // The agent holding the workspace went away: nothing can be said about the file, so say nothing.
            return FieldCheck.ok();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FieldCheck.ok();
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** {@code shard}: blank for a whole run, or {@code i/N} (core's parser, as the step uses). */
    static FieldCheck shard(String value) {
        return isBlank(value) ? FieldCheck.ok() : problem(() -> ShardRun.parse(value.trim(), "check", Optional.empty()));
    }

    /** {@code runId}: blank unless a shard is set, or core's characters for a run id. */
    static FieldCheck runId(String value) {
        return isBlank(value) ? FieldCheck.ok() : problem(() -> ShardRun.checkRunId(value.trim()));
    }

    /** {@code startAt}: blank to start at once, or a UTC instant. */
    static FieldCheck startAt(String value) {
        return isBlank(value) ? FieldCheck.ok()
                : problem(() -> new ShardRequest("1/1", "check", value.trim(), null).toShardRun());
    }

    private static FieldCheck problem(Runnable parse) {
        try {
            parse.run();
            return FieldCheck.ok();
        } catch (IllegalArgumentException e) {
            return FieldCheck.error(e.getMessage());
        }
    }
}
