package jenkins.model;

import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;

/**
 * Stand-in (compile only); only its nested ParameterizedJob is used, as a bound in JenkinsRule's signatures. The real
 * class bound also requires {@code Queue.Task}, and the real interface extends BuildableItem and TriggeredItem; both
 * are left out because nothing here uses them.
 */
public abstract class ParameterizedJobMixIn<JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT>,
        RunT extends Run<JobT, RunT> & Queue.Executable> {

    /** Stand-in of a job that can be scheduled with parameters. */
    public interface ParameterizedJob<JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT>,
            RunT extends Run<JobT, RunT> & Queue.Executable> {
    }
}
