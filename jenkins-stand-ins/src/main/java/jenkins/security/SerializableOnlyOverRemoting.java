package jenkins.security;

import java.io.Serializable;

/** Stand-in (compile only) of the marker for types that serialize only over remoting. jenkins-api.md §2.3, §2.4. */
public interface SerializableOnlyOverRemoting extends Serializable {
}
