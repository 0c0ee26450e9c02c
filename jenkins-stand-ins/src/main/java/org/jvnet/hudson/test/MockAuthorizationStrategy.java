package org.jvnet.hudson.test;

import hudson.model.Item;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;

/**
 * Stand-in (compile only, tests) of the harness' authorization strategy that grants permissions per user.
 * Not in jenkins-api.md: signatures from jenkinsci/jenkins-test-harness at 96b52f4 (2026-08-06), src/main/java/org/jvnet/hudson/test/MockAuthorizationStrategy.java. Only the members used.
 */
public class MockAuthorizationStrategy extends AuthorizationStrategy {
    public MockAuthorizationStrategy() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public Grant grant(Permission... permissions) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    /** Stand-in of a grant of permissions, waiting for where it applies. */
    public class Grant {
        private Grant() {
        throw new UnsupportedOperationException("stand-in: compile only");
        }

        public GrantOn everywhere() {
        throw new UnsupportedOperationException("stand-in: compile only");
        }

        public GrantOn onItems(Item... items) {
        throw new UnsupportedOperationException("stand-in: compile only");
        }

        /** Stand-in of a grant of permissions somewhere, waiting for whom it applies to. */
        public class GrantOn {
            private GrantOn() {
        throw new UnsupportedOperationException("stand-in: compile only");
            }

            public MockAuthorizationStrategy to(String... sids) {
        throw new UnsupportedOperationException("stand-in: compile only");
            }
        }
    }
}
