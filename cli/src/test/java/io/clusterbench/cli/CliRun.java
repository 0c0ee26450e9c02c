package io.clusterbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The outcome of one in-process {@code clusterbench} invocation, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    /** The command line that runs clusterbench in a separate JVM, for tests that signal or kill it. */
    static java.util.List<String> javaCommand(String... args) {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ClusterBenchCommand.class.getName()));
        command.addAll(java.util.List.of(args));
        return command;
    }

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ClusterBenchCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
