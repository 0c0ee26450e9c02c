package org.jvnet.hudson.test;

import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import hudson.tasks.Builder;
import java.io.IOException;
import java.net.URL;
import jenkins.model.ParameterizedJobMixIn;

/** Stand-in (compile only, tests) of the test harness' running Jenkins; jenkins-api.md §1.4. */
public class JenkinsRule {
    public jenkins.model.Jenkins jenkins;

    public JenkinsRule() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public URL getURL() throws IOException {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public <T extends TopLevelItem> T createProject(Class<T> type, String name) throws IOException {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    /** A new agent on this machine with one executor and the given label, online when this returns. */
    public hudson.slaves.DumbSlave createOnlineSlave(hudson.model.Label l) throws Exception {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public hudson.model.FreeStyleProject createFreeStyleProject() throws IOException {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public hudson.model.FreeStyleBuild buildAndAssertSuccess(hudson.model.FreeStyleProject job) throws Exception {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public DummySecurityRealm createDummySecurityRealm() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    /**
     * Stand-in of the harness' security realm where a user's password is its name. The real one extends
     * AbstractPasswordBasedSecurityRealm, left out as nothing here uses it.
     */
    public static class DummySecurityRealm extends hudson.security.SecurityRealm {
        DummySecurityRealm() {
        throw new UnsupportedOperationException("stand-in: compile only");
        }
    }

    public <J extends Job<J, R> & ParameterizedJobMixIn.ParameterizedJob<J, R>, R extends Run<J, R> & Queue.Executable>
            R buildAndAssertSuccess(J job) throws Exception {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public <J extends Job<J, R> & ParameterizedJobMixIn.ParameterizedJob<J, R>, R extends Run<J, R> & Queue.Executable>
            R buildAndAssertStatus(Result status, J job) throws Exception {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public <B extends Builder> B configRoundtrip(B before) throws Exception {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public void assertEqualDataBoundBeans(Object lhs, Object rhs) throws Exception {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @SuppressWarnings("rawtypes")
    public void assertLogContains(String substring, Run run) throws Exception {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @SuppressWarnings("rawtypes")
    public void assertLogNotContains(String substring, Run run) throws Exception {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
