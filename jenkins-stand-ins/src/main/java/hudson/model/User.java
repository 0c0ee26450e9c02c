package hudson.model;

import org.springframework.security.core.Authentication;

/**
 * Stand-in (compile only, tests) of a Jenkins user. Not in jenkins-api.md: signatures from jenkinsci/jenkins, tag jenkins-2.541.3, core/src/main/java/hudson/model/User.java. Its supertypes are
 * left out; so is the unchecked {@code UsernameNotFoundException} in {@code impersonate2}'s throws clause.
 */
public class User {
    private User() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public static User getById(String id, boolean create) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public Authentication impersonate2() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
