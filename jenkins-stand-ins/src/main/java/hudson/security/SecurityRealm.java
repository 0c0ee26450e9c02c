package hudson.security;

/**
 * Stand-in (compile only, tests) of how Jenkins authenticates users. Not in jenkins-api.md: signatures from jenkinsci/jenkins, tag jenkins-2.541.3, core/src/main/java/hudson/security/SecurityRealm.java.
 * Only named as a parameter type; its members and supertypes are left out.
 */
public abstract class SecurityRealm {
    protected SecurityRealm() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
