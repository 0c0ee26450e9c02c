package hudson.util;

import java.io.Serializable;

/** Stand-in (compile only) of an encrypted-at-rest secret that travels over remoting; jenkins-api.md §2.5. */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private Secret() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public String getPlainText() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public static Secret fromString(String data) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
