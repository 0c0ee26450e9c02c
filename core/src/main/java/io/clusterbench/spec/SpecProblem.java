package io.clusterbench.spec;

import java.util.Objects;

/**
 * One error or warning found in a spec, pinned to the file, the 1-based line and column, and the spec path of the
 * offending node.
 *
 * <p>A line of 0 means the problem concerns the file as a whole (it could not be read); a path of "" means the
 * problem concerns the document rather than one key (malformed YAML, a document that is not a mapping).
 */
public record SpecProblem(String file, int line, int column, String path, String message) {

    public SpecProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column path: message}, the form fronts print and editors can jump to. */
    public String format() {
        if (line <= 0) {
            return file + ": " + message;
        }
        String where = file + ":" + line + ":" + column;
        return path.isEmpty() ? where + ": " + message : where + " " + path + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
