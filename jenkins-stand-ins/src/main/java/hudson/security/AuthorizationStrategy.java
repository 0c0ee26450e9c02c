package hudson.security;

/**
 * Stand-in (compile only, tests) of who may do what. Not in jenkins-api.md: signatures from jenkinsci/jenkins, tag jenkins-2.541.3, core/src/main/java/hudson/security/AuthorizationStrategy.java.
 * Only named as a parameter type and supertype; its members and supertypes are left out.
 */
public abstract class AuthorizationStrategy {
    protected AuthorizationStrategy() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
