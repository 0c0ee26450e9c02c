package hudson;

/** Stand-in (compile only) of Jenkins core's marker for extension points; see jenkins-api.md §2.1. */
public interface ExtensionPoint {
}
