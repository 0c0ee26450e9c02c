package io.clusterbench.result;

import java.nio.file.Path;
import java.util.Set;

/**
 * How a history folder is laid out, so that every reader (baselines, trend) counts the same runs: a folder that
 * holds a {@code result.json} is one run, and results in its subfolders ({@code before/}, {@code tuning/},
 * {@code after/} of {@code clusterbench run}) are parts of that run, never runs of their own. So a history filled
 * with {@code cp -r} of whole run folders reads like one made with {@code clusterbench history add}.
 */
public final class RunFolders {

    private RunFolders() {
    }

    /**
     * Whether {@code folder} lies inside another run's folder: some folder above it, up to and including
     * {@code root}, holds a {@code result.json} (a history folder may itself be a run folder).
     *
     * @param foldersWithResult every folder under {@code root} that holds a {@code result.json}
     */
    public static boolean isPartOfAnotherRun(Path folder, Path root, Set<Path> foldersWithResult) {
        Path normalRoot = root.toAbsolutePath().normalize();
        for (Path up = folder.toAbsolutePath().normalize().getParent(); up != null && up.startsWith(normalRoot);
                up = up.getParent()) {
            if (foldersWithResult.contains(up)) {
                return true;
            }
        }
        return false;
    }
}
