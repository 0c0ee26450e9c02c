package hudson.security;

/** Stand-in (compile only, tests) of a scope that acts as another user. Not in jenkins-api.md: signatures from jenkinsci/jenkins, tag jenkins-2.541.3, core/src/main/java/hudson/security/ACLContext.java. */
public class ACLContext implements AutoCloseable {
    private ACLContext() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
