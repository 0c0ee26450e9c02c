package hudson;

import java.util.Map;
import java.util.TreeMap;

/** Stand-in (compile only) of a build's environment variables; jenkins-api.md §2.4. */
public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 1L;

    public EnvVars() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public EnvVars(Map<String, String> m) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public String expand(String s) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
