package io.jenkins.plugins.clusterbench;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.Builder;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The freestyle build step that does what {@code benchmarkCluster} does.
 *
 * <p>Its one parameter is the Pipeline step's own type, {@link BenchmarkClusterStep}, so both take the same
 * options, with the same defaults and help, from one class.
 */
public final class BenchmarkClusterBuilder extends Builder implements SimpleBuildStep {
    private final BenchmarkClusterStep benchmark;

    @DataBoundConstructor
    public BenchmarkClusterBuilder(BenchmarkClusterStep benchmark) {
        this.benchmark = benchmark;
    }

    /** The options, shared with the Pipeline step. */
    public BenchmarkClusterStep getBenchmark() {
        return benchmark;
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        BenchmarkClusterExecution.benchmark(benchmark, run, workspace, launcher, listener, env);
    }

    /** Registers the build step; the symbol differs from the Pipeline step's name so the two never clash. */
    @Extension
    @Symbol("clusterBenchBenchmark")
    public static final class DescriptorImpl extends ClusterBenchBuilderDescriptor {
        @Override
        public String getDisplayName() {
            return Messages.BenchmarkClusterBuilder_DisplayName();
        }
    }
}
