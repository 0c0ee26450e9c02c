package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Result;

/** Stand-in (compile only) of the mark that shows a stage or step as unstable; jenkins-api.md §2.1. */
public class WarningAction implements PersistentAction {

    public WarningAction(Result result) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public WarningAction withMessage(String message) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public String getMessage() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public Result getResult() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
