package hudson.security;

/** Stand-in (compile only) of a permission, only named as constants and parameters; jenkins-api.md §2.5. */
public final class Permission {

    private Permission() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
