package io.clusterbench.tune;

import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.result.Evidence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code evidence.jsonl} read for recovery: every line that a run wrote in full, and how many lines a kill cut
 * short (a line whose JSON ends early is what a write interrupted by SIGKILL or a full disk leaves; it is skipped,
 * because the step it announces was never taken past that point, see docs/reliability.md).
 *
 * @param file the file read
 * @param lines the complete evidence lines, in file order
 * @param cutShort how many lines ended before their JSON did, and were skipped
 */
public record EvidenceFile(Path file, List<Evidence> lines, int cutShort) {
    /** Larger than any real run's evidence (a line is well under 4 KiB); bounds what a wrong file can cost. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final ObjectMapper LINES = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    public EvidenceFile {
        lines = List.copyOf(lines);
    }

    /**
     * Reads an evidence file. Refuses anything but a regular file of at most {@link #MAX_BYTES}, and any line that
     * is not an evidence line for another reason than being cut short; the messages never echo the file's content.
     */
    public static EvidenceFile read(Path file) throws ClusterBenchException {
        if (!Files.isRegularFile(file)) {
            throw invalid(file, Files.exists(file) ? "is not a regular file" : "does not exist");
        }
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw invalid(file, "has " + size + " bytes, more than the " + MAX_BYTES + " an evidence file may have");
            }
            // Decoded leniently: a kill can cut a line inside a multi-byte character, and that line is skipped anyway.
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw invalid(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        List<Evidence> lines = new ArrayList<>();
        int cutShort = 0;
        String[] rows = text.split("\n", -1);
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i];
            if (row.isBlank()) {
                continue;
            }
            try {
                lines.add(LINES.readValue(row, Evidence.class));
            } catch (IOException | RuntimeException e) {
                if (endedEarly(e)) {
                    cutShort++;
                    continue;
                }
                throw invalid(file, "line " + (i + 1) + " is not an evidence line (" + e.getClass().getSimpleName()
                        + "): it was changed by hand, or this is not the evidence.jsonl of a tune or run");
            }
        }
        return new EvidenceFile(file, lines, cutShort);
    }

    /** Whether the JSON ended before its value did; Jackson wraps that when it happens inside a field's value. */
    private static boolean endedEarly(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonEOFException) {
                return true;
            }
        }
        return false;
    }

    private static ClusterBenchException invalid(Path file, String what) {
        return new ClusterBenchException(Kind.INVALID_INPUT, "evidence file " + file + " " + what
                + "; name the evidence.jsonl that tune --apply or run wrote (run: DIR/tuning/evidence.jsonl)");
    }
}
