package org.jenkinsci.remoting;

/** Stand-in (compile only) of remoting's role check on callables. jenkins-api.md §2.4. */
public interface RoleSensitive {
    void checkRoles(RoleChecker checker) throws SecurityException;
}
