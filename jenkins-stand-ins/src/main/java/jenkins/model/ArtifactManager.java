package jenkins.model;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.BuildListener;
import java.io.IOException;
import java.util.Map;
import jenkins.util.VirtualFile;

/** Stand-in (compile only) of where a build's artifacts go. jenkins-api.md §2.3. */
public abstract class ArtifactManager {
    public abstract void archive(FilePath workspace, Launcher launcher, BuildListener listener,
            Map<String, String> artifacts) throws IOException, InterruptedException;

    public abstract VirtualFile root();
}
