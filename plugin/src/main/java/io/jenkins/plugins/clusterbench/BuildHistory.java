package io.jenkins.plugins.clusterbench;

import hudson.model.Result;
import hudson.model.Run;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jenkins.util.VirtualFile;

/**
 * Reads, on the controller, the archived result.json of earlier builds of the job that {@code assertScore} takes its
 * baselines from.
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
    static List<String> baselines(Run<?, ?> current, String resultPath, BaselineSelection selection,
            PrintStream console) {
        List<String> found = new ArrayList<>();
        Run<?, ?> build = current.getPreviousBuild();
        for (int walked = 0; build != null && walked < MAX_BUILDS_WALKED && found.size() < selection.count();
                walked++, build = build.getPreviousBuild()) {
            Result result = build.getResult();
            if (build.isBuilding() || result == null || !counts(result, selection)) {
                continue;
            }
            VirtualFile file = build.getArtifactManager().root().child(resultPath);
            try {
                if (!file.isFile()) {
                    continue;
                }
                try (InputStream in = file.open()) {
                    found.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                console.println("  baseline skipped: cannot read " + resultPath + " of " + build.getDisplayName()
                        + ": " + e.getMessage());
            }
        }
        return found;
    }

    private static boolean counts(Result result, BaselineSelection selection) {
        return selection.passingOnly() ? !result.isWorseThan(Result.SUCCESS) : !result.isWorseThan(Result.UNSTABLE);
    }
}
