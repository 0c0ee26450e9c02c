package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.control.BenchmarkOptions;
import io.clusterbench.control.ShardRun;
import io.clusterbench.net.ClockExchange;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options that make a benchmark one shard of a run spread over several machines (docs/distributed.md). */
final class ShardOptions {

    @Option(names = "--shard", paramLabel = "I/N",
            description = "run as shard I of N: send 1/N of each probe's rate, connections and requests")
    String shard;

    @Option(names = "--run-id", paramLabel = "ID",
            description = "the run id every shard of the run shares (required with --shard)")
    String runId;

    @Option(names = "--start-at", paramLabel = "INSTANT",
            description = "start the load at this UTC instant, the same for every shard, e.g. 2026-05-01T12:00:30Z")
    String startAt;

    @Option(names = "--coordinator", paramLabel = "HOST:PORT",
            description = "read this machine's clock offset from 'clusterbench coordinate' there before the load")
    String coordinator;

    /**
     * The options as this shard, or unchanged without {@code --shard}; reads the clock offset when a coordinator is
     * named.
     *
     * @throws ParameterException when the shard options are incomplete or malformed
     * @throws ClusterBenchException when the coordinator cannot be reached
     */
    BenchmarkOptions applyTo(CommandSpec command, BenchmarkOptions options) throws ClusterBenchException {
        if (shard == null) {
            if (runId != null || startAt != null || coordinator != null) {
                throw new ParameterException(command.commandLine(),
                        "--run-id, --start-at and --coordinator belong to a shard: give --shard I/N too");
            }
            return options;
        }
        if (runId == null) {
            throw new ParameterException(command.commandLine(), "--shard needs --run-id ID, the same for every shard"
                    + " of the run, so that 'clusterbench merge' knows they belong together");
        }
        ShardRun run;
        try {
            run = ShardRun.parse(shard, runId, Optional.ofNullable(startAt).map(ShardOptions::instant));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
        if (coordinator != null) {
            int colon = coordinator.lastIndexOf(':');
            int port = colon < 1 ? -1 : parsePort(coordinator.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new ParameterException(command.commandLine(), "--coordinator is HOST:PORT, such as"
                        + " 10.0.0.5:7077, got '" + coordinator + "'");
            }
            run = run.withClock(ClockExchange.read(coordinator.substring(0, colon), port, Clock.systemUTC()));
        }
        return options.shard(run);
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--start-at is a UTC instant such as 2026-05-01T12:00:30Z, got '"
                    + text + "'");
        }
    }
}
