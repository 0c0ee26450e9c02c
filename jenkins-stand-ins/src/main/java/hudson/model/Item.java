package hudson.model;

/** Stand-in (compile only) of an item in Jenkins' tree; only needed as a bound here. jenkins-api.md §2.5. */
public interface Item {
}
