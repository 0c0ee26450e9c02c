package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/** Stand-in (compile only) of a credential; jenkins-api.md §2.6. getScope, getDescriptor and forRun are left out. */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
}
