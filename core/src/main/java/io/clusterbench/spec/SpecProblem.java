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
        // Messages and paths quote spec keys and values, which may hold ESC or a line break: never raw on a terminal.
        file = printable(file);
        path = printable(path);
        message = printable(message);
    }

    /** {@code text} with control, line-separator and bidi-override characters written as {@code \\uXXXX}. */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u200e' && c <= '\u200f') || (c >= '\u202a' && c <= '\u202e')
                    || (c >= '\u2066' && c <= '\u2069');
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (unsafe) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
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
