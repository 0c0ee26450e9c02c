package hudson.model;

/** Stand-in (compile only) of an action attached to a model object; as in 2.479.3 to 2.555.3. jenkins-api.md §2.3. */
public interface Action extends ModelObject {
    String getIconFileName();

    @Override
    String getDisplayName();

    String getUrlName();
}
