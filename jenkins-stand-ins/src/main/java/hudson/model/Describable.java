package hudson.model;

/** Stand-in (compile only) of a configurable object; the method is a default since 2.505. jenkins-api.md §2.3. */
public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
