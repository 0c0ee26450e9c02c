package io.jenkins.plugins.clusterbench;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.util.BuildListenerAdapter;

/** Archives what a step wrote into its out folder, under the same relative paths, as the build's artifacts. */
final class RunArtifacts {
    /** The files core writes into an out folder; whichever of them exist are archived. */
    static final List<String> FILES = List.of(
            "result.json", "evidence.jsonl", "audit-report.md", "audit-report.html", "report.css", "junit.xml");

    private RunArtifacts() {
    }

    /** Archives what core wrote into the folder; returns the archived paths, relative to the artifact root. */
    static List<String> archive(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener,
            String out) throws IOException, InterruptedException {
        return archive(run, workspace, launcher, listener, List.of(out));
    }

    /** Archives what core wrote into each of the folders, in one go; returns the archived paths. */
    static List<String> archive(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener,
            List<String> folders) throws IOException, InterruptedException {
        Map<String, String> artifacts = new LinkedHashMap<>();
        for (String folder : folders) {
            for (String name : FILES) {
                String path = folder + "/" + name;
                if (workspace.child(path).exists()) {
                    artifacts.put(path, path);
                }
            }
        }
        if (!artifacts.isEmpty()) {
            run.pickArtifactManager().archive(workspace, launcher, BuildListenerAdapter.wrap(listener), artifacts);
            listener.getLogger().println("Archived " + String.join(", ", artifacts.keySet()));
        }
        return new ArrayList<>(artifacts.keySet());
    }
}
