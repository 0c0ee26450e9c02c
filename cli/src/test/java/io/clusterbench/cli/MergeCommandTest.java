package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ShardMark;
import io.clusterbench.testkit.RealServers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealServers.class)
class MergeCommandTest {
    @TempDir
    static Path dir;
    private static Path spec;
    private static Path first;
    private static Path second;

    /** Two shards of run m1 against the test kit's nginx, measured once for every test of the class. */
    @BeforeAll
    static void runTwoShards(LocalNginxBalancer nginx) throws Exception {
        spec = ShardRuns.spec(dir, nginx.url() + "/health", 101);
        first = ShardRuns.shard(spec, dir, 1, 2, "m1");
        second = ShardRuns.shard(spec, dir, 2, 2, "m1");
    }

    @Test
    void mergesTheShardsIntoOneScoredRunAndListsThemWithTheirHosts() throws Exception {
        Path out = dir.resolve("merged");

        CliRun run = CliRun.of("merge", first.toString(), second.getParent().toString(), "--out", out.toString(),
                "--spec", spec.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        RunResult merged = ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON));
        RunResult one = ResultFiles.read(first);
        RunResult two = ResultFiles.read(second);
        assertThat(merged.runId()).isEqualTo("m1");
        assertThat(merged.shard()).isNull();
        assertThat(merged.shards()).extracting(ShardMark::label).containsExactly("1/2", "2/2");
        assertThat(ShardRuns.metric(merged, "requests")).isEqualTo(101)
                .isEqualTo(ShardRuns.metric(one, "requests") + ShardRuns.metric(two, "requests"));
        assertThat(merged.probes().get(0).latencies().get(0).count())
                .isEqualTo(one.probes().get(0).latencies().get(0).count()
                        + two.probes().get(0).latencies().get(0).count());
        String host = one.shard().host();
        assertThat(run.out()).contains("Merged 2 shards of run m1:",
                "shard 1/2 from " + host + ", clock not checked (no --coordinator)", "shard 2/2 from " + host,
                "Wrote " + out.resolve(ResultFiles.RESULT_JSON));
        assertThat(Files.readString(out.resolve("audit-report.md")))
                .contains("The 2 shards this run was merged from").containsPattern("\\| 1/2 +\\| " + host);
    }

    @Test
    void refusesAMissingShardNamingItWithExit9() {
        CliRun run = CliRun.of("merge", first.toString(), "--out", dir.resolve("o1").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.MERGE_REFUSED);
        assertThat(run.err()).contains("shard 2/2 of run m1 is missing").doesNotContain("\tat ");
        assertThat(dir.resolve("o1")).doesNotExist();
    }

    @Test
    void refusesAShardGivenTwiceWithExit9() {
        CliRun run = CliRun.of("merge", first.toString(), first.getParent().toString(), second.toString(), "--out",
                dir.resolve("o2").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.MERGE_REFUSED);
        assertThat(run.err()).contains(first + " is given twice").doesNotContain("\tat ");
    }

    @Test
    void refusesAResultThatIsNotAShardsWithExit9(LocalNginxBalancer nginx) throws Exception {
        Path whole = dir.resolve("whole");
        CliRun benchmark = CliRun.of("benchmark", spec.toString(), "--out", whole.toString());
        assertThat(benchmark.exitCode()).as(benchmark.out() + benchmark.err()).isEqualTo(ExitCodes.OK);

        CliRun run = CliRun.of("merge", first.toString(), whole.toString(), "--out", dir.resolve("o3").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.MERGE_REFUSED);
        assertThat(run.err()).contains(whole.resolve(ResultFiles.RESULT_JSON) + " is not a shard's result")
                .doesNotContain("\tat ");
    }

    @Test
    void refusesShardsOfAnotherSpecThanTheGivenOneWithExit9() throws Exception {
        Path other = Files.writeString(dir.resolve("other.yaml"), Files.readString(spec).replace("shard-test",
                "other-cluster"));

        CliRun run = CliRun.of("merge", first.toString(), second.toString(), "--out", dir.resolve("o4").toString(),
                "--spec", other.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.MERGE_REFUSED);
        assertThat(run.err()).contains("but --spec has sha256").doesNotContain("\tat ");
    }

    @Test
    void refusesAFileThatIsNotAResultAndANegativeClockBound() throws Exception {
        Path notJson = Files.writeString(dir.resolve("notes.txt"), "not a result");

        CliRun unreadable = CliRun.of("merge", first.toString(), notJson.toString(), "--out",
                dir.resolve("o5").toString());
        CliRun negative = CliRun.of("merge", first.toString(), second.toString(), "--out",
                dir.resolve("o6").toString(), "--max-clock-offset", "-1");

        assertThat(unreadable.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(unreadable.err()).contains(notJson.toString()).doesNotContain("\tat ");
        assertThat(negative.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(negative.err()).contains("--max-clock-offset must be a number of ms, 0 or more");
    }
}
