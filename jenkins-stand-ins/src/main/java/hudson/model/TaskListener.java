package hudson.model;

import java.io.PrintStream;
import jenkins.security.SerializableOnlyOverRemoting;

/** Stand-in (compile only) of a build's console log. jenkins-api.md §2.3. */
public interface TaskListener extends SerializableOnlyOverRemoting {
    PrintStream getLogger();
}
