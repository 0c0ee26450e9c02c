package hudson.model;

/** Stand-in (compile only) of anything with a display name in the UI. jenkins-api.md §2.3. */
public interface ModelObject {
    String getDisplayName();
}
