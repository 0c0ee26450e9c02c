package io.jenkins.plugins.clusterbench;

import java.io.IOException;

/**
 * Whether a job's workspace holds a file, for the form checks of the options that name one; there is one only where
 * looking is cheap and the user may look ({@link ClusterBenchStepDescriptor#workspaceOf}).
 */
@FunctionalInterface
interface WorkspaceFiles {

    /** Whether {@code relativePath} exists in the workspace. */
    boolean has(String relativePath) throws IOException, InterruptedException;
}
