package io.jenkins.plugins.clusterbench;

import hudson.model.Result;
import hudson.model.Run;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.HistoryWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jenkins.util.VirtualFile;

/**
 * Reads, on the controller, the archived result.json of earlier builds of the job that {@code assertScore} takes its
 * baselines from; which runs qualify is core's rule ({@link HistoryWindow#accepts}), judged on each run's result.
 *
 * <p>It reads through the build's artifact manager, so artifacts kept elsewhere than the controller's disk (S3 and
 * the like) serve as baselines too. It never looks at more than {@link #MAX_BUILDS_WALKED} builds, so a job with
 * thousands of builds and few usable ones stays quick.
 */
final class BuildHistory {
    /** How many earlier builds to look at, at most, to find the wanted number with a result. */
    static final int MAX_BUILDS_WALKED = 200;

    private BuildHistory() {
    }

    /** The result.json texts of up to {@code selection.count()} earlier builds, newest first. */
    static List<String> baselines(Run<?, ?> current, String resultPath, HistoryWindow selection,
            PrintStream console) {
        List<String> found = new ArrayList<>();
        Run<?, ?> build = current.getPreviousBuild();
        for (int walked = 0; build != null && walked < MAX_BUILDS_WALKED && found.size() < selection.count();
                walked++, build = build.getPreviousBuild()) {
            if (build.isBuilding() || build.getResult() == null || build.getResult() == Result.ABORTED) {
                continue;
            }
            VirtualFile file = build.getArtifactManager().root().child(resultPath);
            try {
                if (!file.isFile()) {
                    continue;
                }
                try (InputStream in = file.open()) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if (selection.accepts(ResultFiles.parse(text, resultPath + " of " + build.getDisplayName()))) {
                        found.add(text);
                    }
                }
            } catch (ClusterBenchException e) {
                console.println("  baseline skipped: " + e.getMessage());
            } catch (IOException e) {
                console.println("  baseline skipped: cannot read " + resultPath + " of " + build.getDisplayName()
                        + ": " + e.getMessage());
            }
        }
        return found;
    }
}
