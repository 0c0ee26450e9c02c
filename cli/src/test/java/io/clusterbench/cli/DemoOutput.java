package io.clusterbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One run of {@code clusterbench demo} per test JVM, shared by the tests that check what it wrote: the demo starts
 * real servers, benchmarks, tunes and verifies, which takes minutes, so the console test and the browser test read
 * the same run rather than paying for two. Its folder is under {@code target/}, kept for a reviewer.
 *
 * @param dir the demo's folder ({@code --dir})
 * @param run the invocation and what it printed
 */
record DemoOutput(Path dir, CliRun run) {

    private static DemoOutput shared;

    /** The shared run, started on first use. */
    static synchronized DemoOutput get() throws IOException {
        if (shared == null) {
            Path dir = Path.of("target", "demo-output").toAbsolutePath();
            deleteTree(dir);
            shared = new DemoOutput(dir, CliRun.of("demo", "--dir", dir.toString()));
        }
        return shared;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
