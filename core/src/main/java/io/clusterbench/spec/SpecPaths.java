package io.clusterbench.spec;

import java.nio.file.Path;

/**
 * Path rules of the spec: relative paths are resolved against the spec's folder when loading, a leading {@code ~}
 * is kept and expanded to the user's home only when the path is used.
 */
public final class SpecPaths {

    private SpecPaths() {
    }

    /** {@code written} resolved against {@code specFolder} unless it is absolute or starts with {@code ~}. */
    public static Path resolve(Path specFolder, String written) {
        if (startsWithHome(written)) {
            return Path.of(written);
        }
        Path path = Path.of(written);
        return path.isAbsolute() ? path : specFolder.resolve(path).normalize();
    }

    /** {@code path} with a leading {@code ~} replaced by the user's home folder; other paths unchanged. */
    public static Path expandHome(Path path) {
        String text = path.toString();
        if (!startsWithHome(text)) {
            return path;
        }
        Path home = Path.of(System.getProperty("user.home"));
        return text.length() == 1 ? home : home.resolve(text.substring(2));
    }

    private static boolean startsWithHome(String text) {
        return text.equals("~") || text.startsWith("~/");
    }
}
