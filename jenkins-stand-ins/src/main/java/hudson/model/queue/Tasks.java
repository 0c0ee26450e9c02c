package hudson.model.queue;

import hudson.model.Queue;
import org.springframework.security.core.Authentication;

/** Stand-in (compile only) of the queue task helpers; only the authentication lookup; jenkins-api.md §2.5. */
public class Tasks {

    public static Authentication getAuthenticationOf2(Queue.Task t) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
