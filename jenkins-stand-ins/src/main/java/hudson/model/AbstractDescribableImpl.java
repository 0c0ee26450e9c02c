package hudson.model;

/** Stand-in (compile only); deprecated since 2.505 but still the superclass of {@code Step}. jenkins-api.md §2.3. */
@Deprecated(since = "2.505")
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
    @Override
    public Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
