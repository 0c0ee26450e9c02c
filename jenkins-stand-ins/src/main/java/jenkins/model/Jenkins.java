package jenkins.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/**
 * Stand-in (compile only) of the running Jenkins; only what permission checks need; jenkins-api.md §2.5. Its many
 * other supertypes are left out. The constants are never initialised here: loading this class throws.
 */
public class Jenkins implements AccessControlled {
    public static final Permission ADMINISTER = standIn();
    public static final Permission READ = standIn();

    private Jenkins() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    private static Permission standIn() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    /** The active plugin with this short name, or null when it is not installed or not active. */
    public hudson.Plugin getPlugin(String shortName) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    /** The configured root URL ending in a slash, or null when none is configured or known. */
    public String getRootUrl() throws IllegalStateException {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public void setSecurityRealm(hudson.security.SecurityRealm securityRealm) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public void setAuthorizationStrategy(hudson.security.AuthorizationStrategy a) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @SuppressWarnings("rawtypes")
    public <T extends hudson.model.Descriptor> T getDescriptorByType(Class<T> type) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
