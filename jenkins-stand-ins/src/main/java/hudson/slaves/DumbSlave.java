package hudson.slaves;

/**
 * Stand-in (compile only, tests) of a permanent agent, as the test harness' {@code createOnlineSlave} makes them.
 * Not in jenkins-api.md: signatures from jenkinsci/jenkins, tag jenkins-2.541.3,
 * core/src/main/java/hudson/slaves/DumbSlave.java and {@code getNodeName()} from its superclass
 * core/src/main/java/hudson/model/Slave.java. The real supertypes (Slave, Node) and constructors, which take a
 * ComputerLauncher, are left out: tests get agents from JenkinsRule and only read their names.
 */
public final class DumbSlave {

    private DumbSlave() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    /** The agent's name, which Pipeline scripts see as {@code env.NODE_NAME}. */
    public String getNodeName() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
