package io.clusterbench.trend;

import io.clusterbench.result.RunSummary;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and writes {@code run-summary.json}, the small file kept beside each {@code result.json}.
 *
 * <p>The file records the size and modification time of the {@code result.json} it was derived from, so a result
 * rewritten later (a run that was scored afterwards) is summarised again, and the {@code --metric} selections it
 * looked up, found or not, so that asking for a metric a run never measured does not reread that run every time.
 */
final class SummaryFiles {

    /** The summary's file name, beside {@code result.json}. */
    static final String SUMMARY_JSON = "run-summary.json";

    /**
     * The summary format this build writes; summaries of any other version are derived again from
     * {@code result.json}. 2: capacities ({@code capacity_rps}, ...) are among the headline metrics kept.
     */
    static final int SUMMARY_VERSION = 2;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SummaryFiles() {
    }

    /**
     * The contents of one summary file.
     *
     * @param summaryVersion the format version, {@link #SUMMARY_VERSION} when written now
     * @param resultBytes the size of the {@code result.json} it was derived from
     * @param resultModifiedMs that file's modification time, in milliseconds since the epoch
     * @param selections the {@code --metric} names looked up in that result, found or not
     * @param run the summary itself
     */
    record Stored(int summaryVersion, long resultBytes, long resultModifiedMs, List<String> selections,
            RunSummary run) {

        Stored {
            selections = selections == null ? List.of() : List.copyOf(new TreeSet<>(selections));
        }

        /** Whether this summary was derived from the result file as it is now. */
        boolean derivedFrom(BasicFileAttributes result) {
            return result.size() == resultBytes && result.lastModifiedTime().toMillis() == resultModifiedMs;
        }

        /** Whether every selected metric was already looked up when this summary was made. */
        boolean covers(Collection<String> selected) {
            Set<String> looked = Set.copyOf(selections);
            return selected.stream().allMatch(name -> looked.contains(name) || run.metrics().containsKey(name));
        }
    }

    /**
     * The largest summary read; one of a 20,000-probe run is about 2 MB. A larger file is no summary this tool wrote
     * and is derived again, so a stray huge file costs no memory.
     */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    /** Reads a summary, or returns null when it is too large, unreadable, malformed or of a newer format. */
    static Stored readOrNull(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return null;
            }
            Stored stored = MAPPER.readValue(file.toFile(), Stored.class);
            if (stored == null || stored.summaryVersion() != SUMMARY_VERSION || stored.run() == null) {
                return null;
            }
            return stored;
        } catch (IOException | RuntimeException e) {
            // A damaged summary is only a cache miss: it is derived again from result.json.
            return null;
        }
    }

    /** Writes a summary atomically (temporary sibling, then move), so concurrent builds never see half a file. */
    static void write(Stored stored, Path file) throws IOException {
        Objects.requireNonNull(stored.run(), "run");
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".run-summary", ".tmp");
        try {
            MAPPER.writeValue(temporary.toFile(), stored);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
