package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;

/**
 * Stand-in (compile only) of one node of a Pipeline's flow graph; jenkins-api.md §2.1. The real class also
 * implements Saveable, which nothing here uses.
 */
public abstract class FlowNode extends Actionable {

    protected FlowNode() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
