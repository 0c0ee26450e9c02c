package io.clusterbench.control;

import io.clusterbench.result.ClockOffset;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a benchmark runs as one shard of a run spread over several machines (docs/distributed.md).
 *
 * @param index this shard's number, from 1
 * @param count how many shards the run has
 * @param runId the run id all shards share
 * @param startAt the wall-clock instant at which every shard starts its load, or empty to start at once
 * @param clock this machine's clock against the coordinator's, or empty when none was read
 */
public record ShardRun(int index, int count, String runId, Optional<Instant> startAt, Optional<ClockOffset> clock) {

    /** The most shards a run may have. */
    public static final int MAX_SHARDS = 1000;
    private static final Pattern LABEL = Pattern.compile("([0-9]{1,4})/([0-9]{1,4})");
    /** Run ids become folder names in a history: no separators, nothing a shell would expand. */
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public ShardRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(startAt, "startAt");
        Objects.requireNonNull(clock, "clock");
        if (count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/N with 1 <= i <= N <= " + MAX_SHARDS + ", got "
                    + index + "/" + count);
        }
        checkRunId(runId);
    }

    /**
     * Parses {@code i/N}.
     *
     * @throws IllegalArgumentException with a message that says what is wrong and what to give
     */
    public static ShardRun parse(String label, String runId, Optional<Instant> startAt) {
        Matcher m = LABEL.matcher(label);
        if (!m.matches()) {
            throw new IllegalArgumentException("a shard is i/N, such as 2/3 (the second of three), got '" + label
                    + "'");
        }
        return new ShardRun(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), runId, startAt,
                Optional.empty());
    }

    /**
     * Checks a run id given by the user.
     *
     * @throws IllegalArgumentException when it is not 1 to 100 letters, digits, '.', '_' or '-'
     */
    public static void checkRunId(String runId) {
        if (!RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("a run id is 1 to 100 letters, digits, '.', '_' or '-', starting with"
                    + " a letter or digit, got '" + runId + "'");
        }
    }

    /** The same shard with the clock reading taken before its load. */
    public ShardRun withClock(ClockOffset reading) {
        return new ShardRun(index, count, runId, startAt, Optional.of(reading));
    }

    /** {@code i/N}. */
    public String label() {
        return index + "/" + count;
    }

    /** The id of this shard's own result.json, distinct from its siblings' and from the merged run's. */
    public String shardRunId() {
        return runId + "-shard" + index + "of" + count;
    }
}
