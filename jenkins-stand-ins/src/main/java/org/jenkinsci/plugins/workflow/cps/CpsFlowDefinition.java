package org.jenkinsci.plugins.workflow.cps;

import org.jenkinsci.plugins.workflow.flow.FlowDefinition;
import org.kohsuke.stapler.DataBoundConstructor;

/** Stand-in (compile only, tests) of an inline Pipeline script; jenkins-api.md §1.4. */
public class CpsFlowDefinition extends FlowDefinition {

    @DataBoundConstructor
    public CpsFlowDefinition(String script, boolean sandbox) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
