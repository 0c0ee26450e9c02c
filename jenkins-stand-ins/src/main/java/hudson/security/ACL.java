package hudson.security;

import org.springframework.security.core.Authentication;

/**
 * Stand-in (compile only) of an access control list; only the system identity; jenkins-api.md §2.5. The constant is
 * never initialised here: loading this class throws.
 */
public abstract class ACL {
    public static final Authentication SYSTEM2 = standIn();

    public static ACLContext as2(Authentication auth) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    private static Authentication standIn() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
