package io.clusterbench.ssh;

import java.util.List;
import java.util.StringJoiner;

/**
 * Turns an argument list into one POSIX shell command line in which every argument arrives literally.
 *
 * <p>SSH carries a single command string that the remote login shell parses, so an argument list is only safe once
 * each argument is single-quoted: inside single quotes a POSIX shell expands nothing ({@code $}, backticks,
 * {@code \}, globs, {@code ;}, newlines all stay as they are), and the one character that cannot appear there, the
 * single quote, is written as {@code '\''} (close quote, escaped quote, reopen quote).
 */
public final class ShellQuoting {

    private ShellQuoting() {
    }

    /** Quotes one argument; the empty string becomes {@code ''} so that it still counts as an argument. */
    public static String quote(String argument) {
        checkArgument(argument);
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    /**
     * Quotes every argument, the command's name included, and joins them with single spaces.
     *
     * @throws IllegalArgumentException when the list is empty or an argument holds a NUL character, which no
     *     process can receive as part of an argument
     */
    public static String commandLine(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least one argument, its name");
        }
        StringJoiner line = new StringJoiner(" ");
        for (String argument : argv) {
            line.add(quote(argument));
        }
        return line.toString();
    }

    private static void checkArgument(String argument) {
        if (argument == null) {
            throw new IllegalArgumentException("a command argument must not be null");
        }
        if (argument.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a command argument must not contain a NUL character");
        }
    }
}
