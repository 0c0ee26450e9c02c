package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/** Stand-in (compile only) of a build action told its build on attach and on load (since 1.519). jenkins-api.md §2.3. */
public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
