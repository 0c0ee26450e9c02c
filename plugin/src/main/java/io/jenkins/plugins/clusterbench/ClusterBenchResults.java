package io.jenkins.plugins.clusterbench;

import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;

/**
 * A build's results, one {@link ClusterBenchAction} per id: finds the one a step replaces and records its successor,
 * with the details in the build's own file. Steps with other ids, in this build's other stages or parallel branches,
 * are never touched.
 */
final class ClusterBenchResults {
    /** Parallel branches record at once; a find and a replace for one id must not interleave with another's. */
    private static final Object LOCK = new Object();

    private ClusterBenchResults() {
    }

    /** The build's result with this id, or null when no step has recorded one yet. */
    static ClusterBenchAction find(Run<?, ?> run, String id) {
        for (ClusterBenchAction action : run.getActions(ClusterBenchAction.class)) {
            if (action.getId().equals(id)) {
                return action;
            }
        }
        return null;
    }

    /**
     * Records {@code next} as the build's result with its id, in place of {@code earlier} (the one {@link #find} gave,
     * or null). The details go to the build's file first; when that cannot be written the summary is still recorded
     * and the console says that the page will show the summary only.
     */
    static void record(Run<?, ?> run, ClusterBenchAction earlier, ClusterBenchAction next, TaskListener listener) {
        try {
            DetailsFile.write(DetailsFile.folderOf(run.getRootDir()), next.getId(), next.details());
        } catch (IOException e) {
            listener.getLogger().println("Cluster Bench: cannot keep the details of result '" + next.getId()
                    + "' in the build's folder (" + e.getMessage() + "); its page shows the summary only");
        }
        synchronized (LOCK) {
            if (earlier != null) {
                run.removeAction(earlier);
            }
            ClusterBenchAction raced = find(run, next.getId());
            if (raced != null) {
                // Another branch recorded the same id meanwhile: one result per id, the later step's.
                run.removeAction(raced);
            }
            run.addAction(next);
        }
    }
}
