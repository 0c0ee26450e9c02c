package hudson.tasks;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import java.io.IOException;

/** Stand-in (compile only) of how a build step synchronises with other builds; jenkins-api.md §2.2. */
public enum BuildStepMonitor {
    NONE {
        @Override
        public boolean perform(BuildStep bs, AbstractBuild build, Launcher launcher, BuildListener listener)
                throws IOException, InterruptedException {
            throw new UnsupportedOperationException("stand-in: compile only");
        }
    },
    STEP {
        @Override
        public boolean perform(BuildStep bs, AbstractBuild build, Launcher launcher, BuildListener listener)
                throws IOException, InterruptedException {
            throw new UnsupportedOperationException("stand-in: compile only");
        }
    },
    BUILD {
        @Override
        public boolean perform(BuildStep bs, AbstractBuild build, Launcher launcher, BuildListener listener)
                throws IOException, InterruptedException {
            throw new UnsupportedOperationException("stand-in: compile only");
        }
    };

    public abstract boolean perform(BuildStep bs, AbstractBuild build, Launcher launcher, BuildListener listener)
            throws IOException, InterruptedException;
}
