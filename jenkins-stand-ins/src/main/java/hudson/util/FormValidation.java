package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

/** Stand-in (compile only) of a form field's check result; jenkins-api.md §2.5. Only the factories used. */
public abstract class FormValidation extends IOException implements HttpResponse {
    private static final long serialVersionUID = 1L;

    public final Kind kind;

    private FormValidation() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    /** Stand-in of the result's severity. */
    public enum Kind { OK, WARNING, ERROR }
}
