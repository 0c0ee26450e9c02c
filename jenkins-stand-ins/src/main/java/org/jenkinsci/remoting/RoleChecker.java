package org.jenkinsci.remoting;

/** Stand-in (compile only) of remoting's role checker. jenkins-api.md §2.4. */
public abstract class RoleChecker {
}
