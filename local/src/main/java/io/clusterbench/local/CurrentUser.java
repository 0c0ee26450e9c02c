package io.clusterbench.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The operating-system user running this JVM, whose privileges change how sshd and nginx must be configured. */
final class CurrentUser {

    private CurrentUser() {
    }

    static String name() {
        return System.getProperty("user.name");
    }

    /** /proc/self belongs to the effective user, which is what sshd and nginx check. */
    static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(name());
        }
    }
}
