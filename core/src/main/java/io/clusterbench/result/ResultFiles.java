package io.clusterbench.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes and reads {@code result.json}.
 *
 * <p>The file is indented for people, unless that would make it larger than the readers accept
 * ({@value ResultReader#MAX_BYTES} bytes): then it is written without indentation.
 *
 * <p>Writes go to a temporary sibling first and are then moved into place, so a run killed while writing
 * leaves the previous complete file, never half a file.
 *
 * <p>Writes use {@link FileOutputStream}, never a {@code FileChannel}: a channel closes with
 * {@code ClosedByInterruptException} when the writing thread's interrupt flag is set, and the result of a stopped
 * run (Jenkins stops a step by interrupting its thread) must still reach disk. {@code Files.newOutputStream} is
 * spared only by a detail of the JDK's default file system; {@code FileOutputStream} is no channel at all.
 */
public final class ResultFiles {

    /** The file name fronts use inside their output folder. */
    public static final String RESULT_JSON = "result.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // Within one schema version, newer writers may add fields; older readers keep what they know.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ResultFiles() {
    }

    /** Writes the result to {@code file}, atomically where the file system allows. */
    public static void write(RunResult result, Path file) throws ClusterBenchException {
        write(result, file, ResultReader.MAX_BYTES);
    }

    /** Writes as {@link #write(RunResult, Path)} does, without indentation when indented it would pass {@code limit}. */
    static void write(RunResult result, Path file, long limit) throws ClusterBenchException {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        try {
            Files.createDirectories(absolute.getParent());
            try (OutputStream out = new FileOutputStream(temporary.toFile())) {
                MAPPER.writeValue(out, result);
            }
            if (Files.size(temporary) > limit) {
                // Indentation adds about 70% to a result of many small metrics: a result read near the limit would
                // be written past it, and no command could read it again. Without indentation it stays readable.
                try (OutputStream out = new FileOutputStream(temporary.toFile())) {
                    MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValue(out, result);
                }
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // A full disk or a failed move must not leave a half-written .tmp beside the results.
            deleteQuietly(temporary);
            throw new ClusterBenchException(Kind.ENVIRONMENT,
                    "cannot write " + file + ": " + e.getMessage() + "; choose a writable folder with --out", e);
        }
    }

    /** Renders the result as the JSON text that {@link #write} stores. */
    public static String toJson(RunResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a RunResult always serialises", e);
        }
    }

    /**
     * Reads the text of a {@code result.json} (for example an earlier build's archived result), as {@link #read}
     * does; {@code source} names it in messages.
     */
    public static RunResult parse(String text, String source) throws ClusterBenchException {
        return ResultReader.parse(text.getBytes(StandardCharsets.UTF_8), source);
    }

    /**
     * Reads a {@code result.json} strictly (see docs/results.md, "Reading"): only a regular file of at most
     * {@value ResultReader#MAX_BYTES} bytes, checked before reading; one JSON object, nested at most
     * {@value ResultReader#MAX_NESTING} deep, of the one supported schemaVersion, without nulls where numbers
     * belong. Messages never quote the file.
     */
    public static RunResult read(Path file) throws ClusterBenchException {
        return ResultReader.read(file);
    }

    /** Reads result.json bytes read elsewhere (a history folder's file), as {@link #read} does. */
    public static RunResult parse(byte[] bytes, String source) throws ClusterBenchException {
        return ResultReader.parse(bytes, source);
    }

    /** The largest result.json the readers accept, in bytes. */
    public static long maxBytes() {
        return ResultReader.MAX_BYTES;
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // The write failed already and says so; a temporary that cannot be removed either is left as it is.
        }
    }
}
