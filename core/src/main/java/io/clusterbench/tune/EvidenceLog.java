package io.clusterbench.tune;

import io.clusterbench.result.OutputFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.Evidence;
import io.clusterbench.spec.SecretScrubber;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code evidence.jsonl}: append-only, one JSON object per line, each line forced to disk before the step it
 * announces is taken, so a run killed at any moment leaves a file that says exactly what was changed.
 *
 * <p>The file is a {@link FileOutputStream}, synced through its descriptor, not a {@code FileChannel}: a channel is
 * closed for good by an interrupt of the writing thread (how Jenkins stops a step), and the lines that say what a
 * stopped run changed, or that it started nothing more, are exactly the ones that must still be written.
 */
public final class EvidenceLog implements AutoCloseable {
    /** The file name fronts use inside their output folder. */
    public static final String FILE_NAME = OutputFiles.EVIDENCE_JSONL;

    private static final ObjectMapper LINES = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path file;
    private final FileOutputStream out;
    private final List<Evidence> written = new ArrayList<>();
    private SecretScrubber scrubber = new SecretScrubber();

    private EvidenceLog(Path file, FileOutputStream out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Opens (or creates) the log for appending. A file whose last line a kill cut short gets its line ended first, so
     * that the torn line stays a line of its own, which readers skip ({@link EvidenceFile}), and the new lines stay
     * whole.
     */
    public static EvidenceLog open(Path file) throws ClusterBenchException {
        try {
            boolean torn = endsMidLine(file);
            FileOutputStream out = new FileOutputStream(file.toFile(), true);
            if (torn) {
                out.write('\n');
            }
            return new EvidenceLog(file, out);
        } catch (IOException e) {
            throw new ClusterBenchException(Kind.ENVIRONMENT, "cannot write " + file + ": " + e.getMessage()
                    + "; choose a writable folder with --out", e);
        }
    }

    private static boolean endsMidLine(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return false;
        }
        try (java.io.RandomAccessFile read = new java.io.RandomAccessFile(file.toFile(), "r")) {
            read.seek(read.length() - 1);
            return read.read() != '\n';
        }
    }

    /** Scrubs every line this log writes from now on with {@code secrets} (command output may print a secret). */
    public synchronized EvidenceLog scrubbedBy(SecretScrubber secrets) {
        this.scrubber = secrets;
        return this;
    }

    /** Appends one line, scrubbed of secrets, and forces it to disk. */
    public synchronized void append(Evidence raw) throws ClusterBenchException {
        Evidence evidence = scrub(raw);
        try {
            byte[] line = (LINES.writeValueAsString(evidence) + "\n").getBytes(StandardCharsets.UTF_8);
            out.write(line);
            out.getFD().sync();
            written.add(evidence);
        } catch (IOException e) {
            throw new ClusterBenchException(Kind.ENVIRONMENT, "cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    private Evidence scrub(Evidence e) {
        return new Evidence(e.runId(), e.seq(), e.at(), e.action(), e.kind(), scrubber.scrub(e.target()), e.step(),
                scrubber.scrubValues(e.before()), scrubber.scrubValues(e.wanted()), scrubber.scrubValues(e.after()),
                e.command().stream().map(scrubber::scrub).toList(), e.durationMs(), scrubber.scrub(e.message()));
    }

    /** Every line this log appended, in order. */
    public synchronized List<Evidence> written() {
        return List.copyOf(written);
    }

    /** Reads every line of an evidence file, for tests and reports. */
    public static List<Evidence> read(Path file) throws IOException {
        List<Evidence> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                lines.add(LINES.readValue(line, Evidence.class));
            }
        }
        return lines;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            // Every line was already forced to disk; a failing close loses nothing.
        }
    }
}
