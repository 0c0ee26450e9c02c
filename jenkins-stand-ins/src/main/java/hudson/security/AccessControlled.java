package hudson.security;

/** Stand-in (compile only) of an object with permissions; jenkins-api.md §2.5. getACL and the rest are left out. */
public interface AccessControlled {
    default boolean hasPermission(Permission p) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
