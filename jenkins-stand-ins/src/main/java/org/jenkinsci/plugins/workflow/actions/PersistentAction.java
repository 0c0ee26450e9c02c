package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;

/** Stand-in (compile only) of an action stored with a flow node; supertype of WarningAction, jenkins-api.md §2.1. */
public interface PersistentAction extends Action {
}
