package io.clusterbench.result;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names for the several results one CI build may keep (a benchmark before and after tuning, parallel stages): an id is
 * letters, digits, {@code -} and {@code _}, so that it can stand in a URL and a file name as it is. Without an explicit
 * id a result is named after the folder it was written to, or else after its spec file.
 */
public final class ResultIds {
    /** The id of a result written to the default folder {@code clusterbench}, and of builds saved before ids. */
    public static final String DEFAULT = "clusterbench";
    /** Long enough for any folder name worth typing, short enough for a URL segment and a file name. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9_-]+");
    /** Dropped from derived ids: the default folders are clusterbench-tuning and the like, whose ids read better short. */
    private static final String FOLDER_PREFIX = DEFAULT + "-";

    private ResultIds() {
    }

    /** Why {@code id} cannot name a result, or empty when it can. */
    public static Optional<String> problem(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of("give an id of letters, digits, - and _, or leave it out to name the result after"
                    + " its output folder");
        }
        if (ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return Optional.of("'" + id + "' is not a result id: use letters, digits, - and _ only, at most " + MAX_LENGTH
                + " characters (it becomes part of the result's URL)");
    }

    /**
     * The id of a result written to {@code folder} (relative, {@code /} or {@code \} separated) by a run of
     * {@code spec}: the folder with every other character run replaced by {@code -} and a leading
     * {@code clusterbench-} dropped ({@code clusterbench-before} is {@code before}, {@code bench/out} is
     * {@code bench-out}); for a result at the workspace's top, the spec file's name without its extension.
     */
    public static String derive(String folder, String spec) {
        String fromFolder = cleaned(folder);
        if (fromFolder.startsWith(FOLDER_PREFIX) && fromFolder.length() > FOLDER_PREFIX.length()) {
            fromFolder = fromFolder.substring(FOLDER_PREFIX.length());
        }
        if (!fromFolder.isEmpty()) {
            return fromFolder;
        }
        String name = spec == null ? "" : spec.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String fromSpec = cleaned(dot > 0 ? name.substring(0, dot) : name);
        return fromSpec.isEmpty() ? DEFAULT : fromSpec;
    }

    private static String cleaned(String text) {
        if (text == null) {
            return "";
        }
        String id = NOT_ALLOWED.matcher(text.strip()).replaceAll("-");
        id = id.replaceAll("^-+|-+$", "");
        return id.length() > MAX_LENGTH ? id.substring(0, MAX_LENGTH).replaceAll("-+$", "") : id;
    }
}
