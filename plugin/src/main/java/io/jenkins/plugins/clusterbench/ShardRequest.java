package io.jenkins.plugins.clusterbench;

import io.clusterbench.control.ShardRun;
import io.clusterbench.result.ClockOffset;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A {@code benchmarkCluster} step's shard options as they travel to the agent: plain fields, since core's
 * {@link ShardRun} holds {@link Optional}s, which do not serialize.
 *
 * @param shard {@code i/N}
 * @param runId the run id every shard shares
 * @param startAt the common start, a UTC instant, or null to start at once
 * @param clock the agent's clock against the controller's, read before the load
 */
record ShardRequest(String shard, String runId, String startAt, ClockReading clock) implements Serializable {

    /** A {@link ClockOffset} in serializable form. */
    record ClockReading(String coordinator, double offsetMs, double roundTripMs, long measuredAtMillis)
            implements Serializable {
        static ClockReading of(ClockOffset offset) {
            return new ClockReading(offset.coordinator(), offset.offsetMs(), offset.roundTripMs(),
                    offset.measuredAt().toEpochMilli());
        }

        ClockOffset toOffset() {
            return new ClockOffset(coordinator, offsetMs, roundTripMs, Instant.ofEpochMilli(measuredAtMillis));
        }
    }

    /**
     * Core's shard run.
     *
     * @throws IllegalArgumentException with a message saying what to give, for a malformed shard, id or instant
     */
    ShardRun toShardRun() {
        if (runId == null || runId.isBlank()) {
            throw new IllegalArgumentException("shard: '" + shard + "' needs runId: the same for every shard of the"
                    + " run, such as \"${env.JOB_NAME}-${env.BUILD_NUMBER}\"");
        }
        ShardRun run = ShardRun.parse(shard, runId, Optional.ofNullable(startAt).filter(s -> !s.isBlank())
                .map(ShardRequest::instant));
        return clock == null ? run : run.withClock(clock.toOffset());
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("startAt is a UTC instant such as 2026-05-01T12:00:30Z, got '" + text
                    + "'");
        }
    }
}
