package io.jenkins.plugins.clusterbench;

import hudson.model.Result;
import hudson.model.Run;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads, on the controller, the archived result.json of earlier builds of the job that {@code assertScore} takes its
 * baselines from.
 *
 * <p>It reads {@code <build dir>/archive/<path>}, where Jenkins' default artifact manager keeps artifacts: the API
 * reference this plugin is built against documents {@code Run.getRootDir()} but not {@code VirtualFile}, through
 * which {@code getArtifactManager().root()} would also reach artifacts stored elsewhere (S3 and the like). With such
 * a manager no baseline is found and relative objectives stay inconclusive; switching to
 * {@code getArtifactManager().root().child(path).open()} fixes that once the reference covers it.
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
            File file = new File(new File(build.getRootDir(), "archive"), resultPath);
            if (!file.isFile()) {
                continue;
            }
            try {
                found.add(Files.readString(file.toPath(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                console.println("  baseline skipped: cannot read " + file + ": " + e.getMessage());
            }
        }
        return found;
    }

    private static boolean counts(Result result, BaselineSelection selection) {
        return selection.passingOnly() ? !result.isWorseThan(Result.SUCCESS) : !result.isWorseThan(Result.UNSTABLE);
    }
}
