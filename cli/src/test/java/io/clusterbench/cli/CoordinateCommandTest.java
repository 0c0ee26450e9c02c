package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.result.ClockOffset;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.testkit.RealServers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealServers.class)
class CoordinateCommandTest {
    private static final Pattern SERVING = Pattern.compile(
            "Serving the clock on 127\\.0\\.0\\.1:(\\d+); start every shard with --coordinator THIS_HOST:\\1"
                    + " --start-at (\\S+)");

    @Test
    void eachShardRecordsItsClockOffsetAndTheMergeShowsItOrRefusesPastTheBound(LocalNginxBalancer nginx,
            @TempDir Path dir) throws Exception {
        Path spec = ShardRuns.spec(dir, nginx.url() + "/health", 60);
        try (CliProcess coordinator = CliProcess.start("coordinate", "--port", "0", "--bind", "127.0.0.1",
                "--start-in", "45")) {
            assertThat(coordinator.awaitLine(line -> SERVING.matcher(line).find())).as(coordinator.printed())
                    .isTrue();
            Matcher serving = SERVING.matcher(coordinator.printed());
            assertThat(serving.find()).isTrue();
            String address = "127.0.0.1:" + serving.group(1);
            assertThat(Instant.parse(serving.group(2))).isAfter(Instant.now().plusSeconds(30));

            Path first = ShardRuns.shard(spec, dir, 1, 2, "c1", "--coordinator", address);
            Path second = ShardRuns.shard(spec, dir, 2, 2, "c1", "--coordinator", address);

            ClockOffset clock = ResultFiles.read(first).shard().clock();
            assertThat(clock.coordinator()).isEqualTo(address);
            assertThat(clock.roundTripMs()).isPositive();
            // One machine, one clock: the offset is within the exchange's own uncertainty.
            assertThat(Math.abs(clock.offsetMs())).isLessThanOrEqualTo(clock.roundTripMs());
            assertThat(clock.measuredAt()).isBefore(ResultFiles.read(first).probes().get(0).startedAt());

            CliRun merged = CliRun.of("merge", first.toString(), second.toString(), "--out",
                    dir.resolve("merged").toString());
            CliRun tooStrict = CliRun.of("merge", first.toString(), second.toString(), "--out",
                    dir.resolve("strict").toString(), "--max-clock-offset", "0");

            assertThat(merged.exitCode()).as(merged.out() + merged.err()).isEqualTo(ExitCodes.OK);
            assertThat(merged.out()).containsPattern("shard 1/2 from \\S+, clock offset -?[0-9.]+ ms \\(round trip"
                    + " [0-9.]+ ms\\) to " + Pattern.quote(address));
            RunResult result = ResultFiles.read(dir.resolve("merged").resolve(ResultFiles.RESULT_JSON));
            assertThat(result.shards()).allSatisfy(mark -> assertThat(mark.clock()).isNotNull());
            // Any real exchange has a round trip, so a bound of 0 ms refuses, with the numbers.
            assertThat(tooStrict.exitCode()).isEqualTo(ExitCodes.CLOCK_SKEW);
            assertThat(tooStrict.err()).contains("the clock of shard 1/2 on", "ms off " + address + "'s (round trip",
                    "more than the 0.0 ms allowed").doesNotContain("\tat ");
        }
    }
}
