package com.cloudbees.plugins.credentials.common;

import hudson.model.Item;
import hudson.util.ListBoxModel;
import org.springframework.security.core.Authentication;

/** Stand-in (compile only) of the credentials drop-down model; only the members used; jenkins-api.md §2.6. */
public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>,
        C extends IdCredentials> extends ListBoxModel {

    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeAs(Authentication authentication, Item context,
            Class<? extends C> type) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
