package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/**
 * Stand-in (compile only) of an item in Jenkins' tree; jenkins-api.md §2.5. Only the permissions used; supertypes
 * other than AccessControlled are left out. The constants are never initialised here: loading this type throws.
 */
public interface Item extends AccessControlled {
    Permission CONFIGURE = standIn();
    Permission READ = standIn();
    Permission EXTENDED_READ = standIn();
    Permission WORKSPACE = standIn();

    private static Permission standIn() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
