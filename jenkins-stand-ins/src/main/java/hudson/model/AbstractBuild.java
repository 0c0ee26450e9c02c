package hudson.model;

import java.io.IOException;

/**
 * Stand-in (compile only) of a freestyle-style build; only named in signatures (jenkins-api.md §2.2). Its generic
 * bounds are core's; of its interfaces only Queue.Executable is kept (JenkinsRule's build methods need it).
 */
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R>
        implements Queue.Executable {
    protected AbstractBuild(P job) throws IOException {
        super(job);
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
