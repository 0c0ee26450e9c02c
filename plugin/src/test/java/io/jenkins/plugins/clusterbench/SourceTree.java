package io.jenkins.plugins.clusterbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files of a source folder that the checks on views and stand-ins read, in a stable order. */
final class SourceTree {
    private SourceTree() {
    }

    /** Every file under {@code root} whose name ends in {@code suffix}, sorted by path. */
    static List<Path> filesEndingIn(Path root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
