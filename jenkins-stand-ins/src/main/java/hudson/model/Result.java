package hudson.model;

import java.io.Serializable;

/**
 * Stand-in (compile only) of a build's result; jenkins-api.md §2.3. The real class also implements
 * CustomExportedBean, which nothing here uses. The constants are never initialised here: loading this class throws.
 */
public final class Result implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final Result SUCCESS = standIn();
    public static final Result UNSTABLE = standIn();
    public static final Result FAILURE = standIn();
    public static final Result NOT_BUILT = standIn();
    public static final Result ABORTED = standIn();

    private Result() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    private static Result standIn() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public boolean isWorseThan(Result that) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public boolean isBetterOrEqualTo(Result that) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public boolean isCompleteBuild() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
