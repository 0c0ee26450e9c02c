package io.clusterbench.report;

import io.clusterbench.result.OutputFiles;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.result.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the human and CI reports of a run next to its {@code result.json}: {@code audit-report.md},
 * {@code audit-report.html} with its {@code report.css}, and {@code junit.xml} (described in docs/reports.md).
 *
 * <p>Usage: {@code List<Path> files = Reports.write(result, outDir);}
 */
public final class Reports {

    /** The Markdown audit report. */
    public static final String MARKDOWN_FILE = MarkdownReport.FILE_NAME;
    /** The HTML audit report; it needs {@link #CSS_FILE} beside it for colour, and reads without it. */
    public static final String HTML_FILE = HtmlReport.FILE_NAME;
    /** The style sheet the HTML links, copied from this package's resources. */
    public static final String CSS_FILE = OutputFiles.AUDIT_CSS;
    /** Objectives (or, unscored, probes) as JUnit test cases. */
    public static final String JUNIT_FILE = JunitReport.FILE_NAME;

    private Reports() {
    }

    /** Every report writer, in the order {@link #write} runs them. */
    public static List<ReportWriter> standard() {
        return List.of(new MarkdownReport(), new HtmlReport(), new JunitReport());
    }

    /**
     * Writes every report and the style sheet into {@code outDir} (created if missing), each file atomically where
     * the file system allows, and returns the files written.
     *
     * @throws ClusterBenchException when the folder cannot be written
     */
    public static List<Path> write(RunResult result, Path outDir) throws ClusterBenchException {
        List<Path> written = new ArrayList<>();
        for (ReportWriter writer : standard()) {
            written.add(writeFile(outDir.resolve(writer.fileName()), out -> writer.write(result, out)));
        }
        written.add(writeFile(outDir.resolve(CSS_FILE), out -> out.write(css())));
        return List.copyOf(written);
    }

    /** One report as text, for fronts that print it rather than write it. */
    public static String render(ReportWriter writer, RunResult result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            writer.write(result, bytes);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The style sheet's bytes, from this package's resources. */
    static byte[] css() throws IOException {
        try (InputStream in = Reports.class.getResourceAsStream(CSS_FILE)) {
            if (in == null) {
                throw new IOException("resource io/clusterbench/report/" + CSS_FILE + " is missing from this build");
            }
            return in.readAllBytes();
        }
    }

    @FunctionalInterface
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static Path writeFile(Path file, Content content) throws ClusterBenchException {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        try {
            Files.createDirectories(absolute.getParent());
            // The reports of a stopped run must be written though the thread's interrupt flag may be set: a
            // FileOutputStream, unlike a channel, never closes on an interrupt (see ResultFiles).
            try (OutputStream out = new FileOutputStream(temporary.toFile())) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return absolute;
        } catch (IOException e) {
            // A full disk or a failed move must not leave a half-written .tmp beside the results.
            deleteQuietly(temporary);
            throw new ClusterBenchException(Kind.ENVIRONMENT,
                    "cannot write " + file + ": " + e.getMessage() + "; choose a writable folder with --out", e);
        }
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // The write failed already and says so; a temporary that cannot be removed either is left as it is.
        }
    }
}
