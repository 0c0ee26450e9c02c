package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalRedis;
import io.clusterbench.result.Evidence;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.testkit.RealServers;
import io.clusterbench.tune.EvidenceFile;
import io.clusterbench.tune.EvidenceLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill loop: {@code tune --apply} (and once {@code run}) of a reversible Redis change, SIGKILLed at a random
 * moment, again and again. After each kill the evidence is well-formed (a last line cut short by the kill is allowed:
 * the recovery's reader skips it), result.json is absent or valid, and {@code tune --rollback} restores exactly the
 * value before ({@code CONFIG GET timeout} reads 0 again).
 *
 * <p>The moments come from a seeded {@link Random}; the seed is printed, and {@code -Dkillloop.seed=N} replays it.
 * The delays are the moments chosen to kill at, not waits for something to happen.
 */
@ExtendWith(RealServers.class)
class TuneKillLoopTest {
    private static final int APPLY_KILLS = 10;

    @Test
    void everyKillLeavesEvidenceThatRollbackRestoresExactly(LocalRedis redis, @TempDir Path dir) throws Exception {
        long seed = Long.getLong("killloop.seed", System.nanoTime());
        System.out.println("kill loop seed: " + seed + " (replay with -Dkillloop.seed=" + seed + ")");
        Random random = new Random(seed);
        Path spec = Files.writeString(dir.resolve("cluster.yaml"), """
                cluster: kill-loop
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                probes:
                  latency: { service: cache, clients: 1, requests: 20, warmup: 0s }
                tuning:
                  - { id: timeout, redis-config: cache, set: { timeout: 300 } }
                # Every SIGKILL leaves its lease behind until it expires (30 s; ClusterLeaseTest covers that): this
                # loop is about evidence and recovery, so it runs without a lease.
                settings: { lease: none }
                """.formatted(redis.port()));
        List<String> report = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < APPLY_KILLS + 1; i++) {
            TuneStopAndRecoveryTest.configSet(redis, "timeout", "0");
            boolean run = i == APPLY_KILLS;
            Path out = dir.resolve("kill-" + i);
            // The moment: a random delay after a random anchor, so that kills fall before the tuning, between its
            // applying line and the change, between the change and its applied line, and while result.json and the
            // reports are written.
            Anchor anchor = run ? Anchor.RUN_ANCHORS.get(random.nextInt(Anchor.RUN_ANCHORS.size()))
                    : Anchor.TUNE_ANCHORS.get(random.nextInt(Anchor.TUNE_ANCHORS.size()));
            long delayMs = random.nextInt(anchor.maxDelayMs());
            try (CliProcess cli = run ? CliProcess.start("run", spec.toString(), "--out", out.toString())
                    : CliProcess.start("tune", spec.toString(), "--apply", "--out", out.toString())) {
                if (anchor.line() != null) {
                    cli.awaitLine(line -> line.contains(anchor.line()));
                }
                TimeUnit.MILLISECONDS.sleep(delayMs);
                cli.process().destroyForcibly(); // SIGKILL: no hook, no final write
                assertThat(cli.process().waitFor(15, TimeUnit.SECONDS)).isTrue();
            }
            String what = (run ? "run" : "tune --apply") + " killed " + delayMs + " ms after "
                    + (anchor.line() == null ? "its start" : "'" + anchor.line().strip() + "'");
            report.add(check(spec, run ? out.resolve("tuning") : out, dir.resolve("restore-" + i), redis, what));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("kill loop: %d kills in %.1f s (seed %d)%n%s%n", APPLY_KILLS + 1, seconds, seed,
                String.join("\n", report));
    }

    /**
     * Where a kill's delay counts from: a line the command prints (null: its start) and the longest delay after it.
     * The step lines are printed just after their evidence line is on disk.
     */
    private record Anchor(String line, int maxDelayMs) {
        static final List<Anchor> TUNE_ANCHORS = List.of(new Anchor(null, 1500), new Anchor("Applying ", 400),
                new Anchor(" applying ", 30), new Anchor(" applied ", 400));
        static final List<Anchor> RUN_ANCHORS = List.of(new Anchor(" applying ", 30), new Anchor(" applied ", 100),
                new Anchor(" rolling-back ", 30));
    }

    /** Checks what one kill left, restores it and checks the value; returns one line for the printed report. */
    private static String check(Path spec, Path out, Path restoreDir, LocalRedis redis, String what)
            throws Exception {
        Path evidenceFile = out.resolve(EvidenceLog.FILE_NAME);
        Path resultFile = out.resolve(ResultFiles.RESULT_JSON);
        if (Files.exists(resultFile)) {
            ResultFiles.read(resultFile); // throws unless it is a whole, valid result.json
        }
        if (!Files.exists(evidenceFile)) {
            // Killed before the first line: nothing was sent, because applying is on disk before the change.
            assertThat(TuneStopAndRecoveryTest.configGet(redis, "timeout")).as(what).isEqualTo("0");
            return what + ": no evidence yet, timeout 0";
        }
        EvidenceFile evidence = EvidenceFile.read(evidenceFile); // throws on any line that is not evidence
        List<String> steps = evidence.lines().stream().map(Evidence::step).map(Object::toString).toList();
        String before = TuneStopAndRecoveryTest.configGet(redis, "timeout");

        CliRun rollback = CliRun.of("tune", spec.toString(), "--rollback", evidenceFile.toString(), "--out",
                restoreDir.toString());

        assertThat(rollback.exitCode()).as(what + "\n" + rollback.out() + rollback.err()).isEqualTo(ExitCodes.OK);
        assertThat(TuneStopAndRecoveryTest.configGet(redis, "timeout")).as(what + ", evidence " + steps)
                .isEqualTo("0");
        return what + ": evidence " + steps + (evidence.cutShort() > 0 ? " + a line cut short" : "")
                + ", result.json " + (Files.exists(resultFile) ? "valid" : "absent") + ", timeout was " + before
                + ", restored to 0";
    }
}
