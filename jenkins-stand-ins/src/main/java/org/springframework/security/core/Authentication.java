package org.springframework.security.core;

import java.io.Serializable;
import java.security.Principal;

/** Stand-in (compile only) of Spring Security's authentication, only named in signatures; jenkins-api.md §2.5, §2.6. */
public interface Authentication extends Principal, Serializable {
}
