package org.jenkinsci.plugins.workflow.flow;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

/** Stand-in (compile only, tests) of how a Pipeline job defines its flow; workflow-api. */
@SuppressWarnings("deprecation")
public abstract class FlowDefinition extends AbstractDescribableImpl<FlowDefinition> implements ExtensionPoint {
}
