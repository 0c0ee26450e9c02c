package hudson.model;

/** Stand-in (compile only) of the metadata and factory of a Describable. jenkins-api.md §2.3. */
public abstract class Descriptor<T extends Describable<T>> {

    protected Descriptor() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    protected Descriptor(Class<? extends T> clazz) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
