package hudson;

import java.io.IOException;

/** Stand-in (compile only): fails a build with its message and no stack trace; jenkins-api.md §2.4. */
public class AbortException extends IOException {
    private static final long serialVersionUID = 1L;

    public AbortException() {
    }

    public AbortException(String message) {
        super(message);
    }
}
