package com.cloudbees.plugins.credentials.domains;

import java.io.Serializable;

/** Stand-in (compile only) of a credentials domain requirement, only named in signatures; jenkins-api.md §2.6. */
public class DomainRequirement implements Serializable {
    private static final long serialVersionUID = 1L;

    public DomainRequirement() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
