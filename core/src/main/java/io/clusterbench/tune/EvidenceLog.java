package io.clusterbench.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.Evidence;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code evidence.jsonl}: append-only, one JSON object per line, each line forced to disk before the step it
 * announces is taken, so a run killed at any moment leaves a file that says exactly what was changed.
 */
public final class EvidenceLog implements AutoCloseable {
    /** The file name fronts use inside their output folder. */
    public static final String FILE_NAME = "evidence.jsonl";

    private static final ObjectMapper LINES = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path file;
    private final FileChannel channel;
    private final List<Evidence> written = new ArrayList<>();

    private EvidenceLog(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (or creates) the log for appending. */
    public static EvidenceLog open(Path file) throws ClusterBenchException {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            return new EvidenceLog(file, channel);
        } catch (IOException e) {
            throw new ClusterBenchException(Kind.ENVIRONMENT, "cannot write " + file + ": " + e.getMessage()
                    + "; choose a writable folder with --out", e);
        }
    }

    /** Appends one line and forces it to disk. */
    public synchronized void append(Evidence evidence) throws ClusterBenchException {
        try {
            byte[] line = (LINES.writeValueAsString(evidence) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
            written.add(evidence);
        } catch (IOException e) {
            throw new ClusterBenchException(Kind.ENVIRONMENT, "cannot append to " + file + ": " + e.getMessage(), e);
        }
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
            channel.close();
        } catch (IOException e) {
            // Every line was already forced to disk; a failing close loses nothing.
        }
    }
}
