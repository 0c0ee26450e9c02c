package io.clusterbench.bench;

import io.clusterbench.control.BenchmarkOptions;
import io.clusterbench.control.BenchmarkListener;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.capacity.SearchSettings;
import io.clusterbench.probe.Probe;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.control.ProbeProgress;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeRound;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunIds;
import io.clusterbench.result.ShardMark;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.LoadParameters;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.ProbeSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SecretScrubber;
import io.clusterbench.spec.Workloads;
import io.clusterbench.ssh.RunSshHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a spec's probes and writes {@code result.json}.
 *
 * <p>Probes are grouped by what they load (a service, or a set of hosts): groups run in parallel, up to the spec's
 * {@code maxParallelProbes}, and the probes of one group run one after another so that they never distort each
 * other's numbers. After every finished probe, {@code result.json} is rewritten with everything measured so far,
 * so a run that is stopped or killed half-way keeps what it measured.
 *
 * <p>An interrupt of the thread that called {@link #run} is a stop request too: the probes are asked to stop, given
 * {@link #STOP_GRACE} to hand back what they measured, the result is written, and {@code run} returns with the
 * thread's interrupt flag set again, so that its caller still sees the interrupt.
 *
 * <p>Usage: {@code RunResult result = new Benchmark(ProbeRegistry.standard(), SecretResolver.system(),
 * Clock.systemUTC()).run(loaded, "cluster.yaml", BenchmarkOptions.into(out), listener, new StopSignal());}
 */
public final class Benchmark {
    /**
     * How long an interrupted run waits for its probes to stop: every load loop checks the stop between requests
     * and has socket timeouts of a few seconds, so this is reached only by a probe stuck past its own timeouts.
     */
    public static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final ProbeRegistry registry;
    private final SecretResolver secrets;
    private final Clock clock;
    private final Duration stopGrace;

    public Benchmark(ProbeRegistry registry, SecretResolver secrets, Clock clock) {
        this(registry, secrets, clock, STOP_GRACE);
    }

    /** With a shorter grace after an interrupt, for tests of a probe that never stops. */
    Benchmark(ProbeRegistry registry, SecretResolver secrets, Clock clock, Duration stopGrace) {
        this.registry = registry;
        this.secrets = secrets;
        this.clock = clock;
        this.stopGrace = stopGrace;
    }

    /**
     * Runs the probes; returns what was measured, also when stopped by {@code stop} or by an interrupt of the
     * calling thread (whose interrupt flag is then set again when this returns).
     *
     * @throws ClusterBenchException when the run cannot start: an unknown probe in {@code only}, an unwritable
     *     output folder
     */
    public RunResult run(LoadedSpec loaded, String specFile, BenchmarkOptions options, BenchmarkListener listener,
            StopSignal stop) throws ClusterBenchException {
        ClusterSpec spec = loaded.spec();
        List<ProbeSpec> whole = ProbeSelection.select(spec, options.only());
        List<ProbeSpec> selected = shared(whole, options);
        Path resultFile = prepareOutput(options.outDir());
        if (options.shard().isPresent() && options.shard().get().startAt().isPresent()) {
            StartInstant.await(options.shard().get().startAt().get(), clock, stop);
        }
        RunRecord record = new RunRecord(spec, loaded.sha256(), specFile, selected, resultFile, clock.instant(),
                options.shard().map(s -> ShardMarks.of(s, spec, whole)).orElse(null));
        int parallel = Math.max(1, options.maxParallel().orElse(spec.settings().maxParallelProbes()));
        // Servers echo credentials in error bodies; nothing they said reaches a file or the console unscrubbed.
        SecretScrubber scrubber = SecretScrubber.of(spec, secrets);
        List<List<ProbeSpec>> groups = ProbeSelection.groupByLoadedTarget(selected);

        Map<String, ProbeProgress> running = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, groups.size())),
                daemon("clusterbench-probe"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("clusterbench-progress"));
        long intervalMillis = options.progressInterval().toMillis();
        ticker.scheduleAtFixedRate(
                () -> listener.progress(Duration.between(record.startedAt(), clock.instant()),
                        running.values().stream().map(ProbeProgress::snapshot).toList()),
                intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        boolean interrupted = false;
        try (RunSshHosts ssh = new RunSshHosts(spec, secrets)) {
            List<Future<?>> futures = new ArrayList<>();
            for (List<ProbeSpec> group : groups) {
                futures.add(workers.submit(() -> {
                    for (ProbeSpec probe : group) {
                        ProbeMeasurement measurement = stop.raised()
                                ? skipped(probe, "not started: the run was stopped first")
                                : scrubbed(runRounds(spec, probe, options, ssh, stop, running, listener)
                                        .withWorkload(Workloads.of(spec, probe)), scrubber);
                        if (record.add(measurement, clock.instant(), ssh.insecureHosts())) {
                            listener.probeFinished(measurement, resultFile);
                        }
                    }
                }));
            }
            interrupted = awaitAll(futures, stop);
            // An interrupt after the last wait is cleared too: the final write must not meet a set flag.
            interrupted |= Thread.interrupted();
            for (ProbeSpec probe : selected) {
                // Only after an interrupt whose grace ran out: say which probes gave nothing back, and why.
                record.addIfMissing(probe, running.containsKey(probe.id())
                        ? stoppedWithoutResult(probe)
                        : skipped(probe, "not started: the run was stopped first"));
            }
            return record.close(clock.instant(), ssh.insecureHosts());
        } finally {
            ticker.shutdownNow();
            workers.shutdownNow();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The probes with this shard's share of their load, or as they are for a whole run. */
    private static List<ProbeSpec> shared(List<ProbeSpec> whole, BenchmarkOptions options)
            throws ClusterBenchException {
        if (options.shard().isEmpty()) {
            return whole;
        }
        ShardSplit split = new ShardSplit(options.shard().get());
        List<ProbeSpec> mine = new ArrayList<>();
        for (ProbeSpec probe : whole) {
            mine.add(split.apply(probe));
        }
        return mine;
    }

    /**
     * Runs the probe's rounds one after another (each a whole run of the probe: warm-up, load, its own connections)
     * and merges them; a stop ends the rounds early and keeps those done.
     */
    private ProbeMeasurement runRounds(ClusterSpec spec, ProbeSpec probe, BenchmarkOptions options, RunSshHosts ssh,
            StopSignal stop, Map<String, ProbeProgress> running, BenchmarkListener listener) {
        Optional<SearchSettings> search = SearchSettings.of(probe);
        if (search.isPresent()) {
            // A search measures each of its steps in the probe's rounds; the search itself runs once.
            return new CapacityRun(probe, search.get(), step -> runOne(spec, step, ssh, stop, running, listener),
                    stop, clock).run();
        }
        int rounds = options.rounds().orElse(LoadParameters.benchmarkRounds(spec, probe));
        // The probe's own signal: an abortOnFail objective stops this probe's rounds, not the run.
        StopSignal probeStop = stop.child();
        if (rounds == 1) {
            return runOne(spec, probe, ssh, probeStop, running, listener);
        }
        List<ProbeMeasurement> done = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        do {
            done.add(runOne(spec, probe, ssh, probeStop, running, listener));
            indices.add(done.size());
        } while (done.size() < rounds && !probeStop.raised());
        ProbeMeasurement merged = RoundMerge.merge(done, indices, Collections.nCopies(done.size(), ""));
        if (options.shard().isEmpty()) {
            return merged;
        }
        // A shard keeps each round's histograms, so that the merge of the shards adds them round by round exactly.
        List<ProbeRound> kept = new ArrayList<>();
        for (int i = 0; i < merged.rounds().size(); i++) {
            kept.add(merged.rounds().get(i).withLatencies(done.get(i).latencies()));
        }
        return merged.withRounds(kept);
    }

    private ProbeMeasurement runOne(ClusterSpec spec, ProbeSpec probe, RunSshHosts ssh, StopSignal stop,
            Map<String, ProbeProgress> running, BenchmarkListener listener) {
        Probe implementation = registry.probe(probe.kind()).orElse(null);
        if (implementation == null) {
            return skipped(probe, "no implementation of probe kind '" + probe.kind().word() + "' in this build");
        }
        ProbeProgress progress = new ProbeProgress(probe.id());
        running.put(probe.id(), progress);
        listener.probeStarted(probe.id());
        try (AbortWatch abort = AbortWatch.start(spec, probe, progress, stop)) {
            return implementation.run(new ProbeContext(spec, probe, secrets, ssh, progress, stop, clock));
        } catch (RuntimeException bug) {
            // A bug in one probe must not cost the numbers of the others: record it as this probe's failure.
            return failedInside(probe, "internal error in the " + probe.kind().word() + " probe (please report it): "
                    + bug);
        } catch (StackOverflowError | OutOfMemoryError exhausted) {
            // Both are safe to catch here: the probe's stack is unwound and what it held is garbage, so the other
            // probes and the result are unharmed. A hostile answer (deep nesting, a huge body) is their usual cause.
            return failedInside(probe, "the " + probe.kind().word() + " probe ran out of "
                    + (exhausted instanceof StackOverflowError ? "stack (StackOverflowError), most likely reading an"
                            + " answer nested too deeply" : "memory (OutOfMemoryError), most likely reading a huge"
                            + " answer") + probe.service().map(id -> "; is service " + id + " the server the spec says?").orElse(""));
        } finally {
            running.remove(probe.id());
        }
    }

    /** The measurement with every error message, its target and its label values scrubbed of secrets. */
    static ProbeMeasurement scrubbed(ProbeMeasurement m, SecretScrubber scrubber) {
        List<ProbeError> errors = m.errors().stream()
                .map(e -> new ProbeError(e.kind(), scrubber.scrub(e.message()), e.count(), e.firstAt())).toList();
        List<MetricValue> metrics = m.metrics().stream().map(v -> v.labels().isEmpty() ? v
                : new MetricValue(v.name(), v.value(), v.unit(), scrubber.scrubValues(v.labels()))).toList();
        return new ProbeMeasurement(m.probe(), m.kind(), scrubber.scrub(m.target()), m.status(), m.startedAt(),
                m.endedAt(), metrics, m.latencies(), errors, m.rounds(), m.workload(), m.timeline(), m.capacity());
    }

    private ProbeMeasurement failedInside(ProbeSpec probe, String why) {
        Instant now = clock.instant();
        return new ProbeMeasurement(probe.id(), probe.kind().word(), "-", ProbeStatus.FAILED, now, now, List.of(),
                List.of(), List.of(new ProbeError(ErrorKind.INTERNAL, why, 1, now)));
    }

    private ProbeMeasurement skipped(ProbeSpec probe, String why) {
        Instant now = clock.instant();
        return new ProbeMeasurement(probe.id(), probe.kind().word(), "-", ProbeStatus.SKIPPED, now, now,
                List.of(), List.of(), List.of(new ProbeError(ErrorKind.SKIPPED, why, 1, now)));
    }

    private ProbeMeasurement stoppedWithoutResult(ProbeSpec probe) {
        Instant now = clock.instant();
        return new ProbeMeasurement(probe.id(), probe.kind().word(), "-", ProbeStatus.FAILED, now, now,
                List.of(), List.of(), List.of(new ProbeError(ErrorKind.STOPPED, "stopped: still running "
                        + stopGrace.toMillis() / 1000.0 + " s after the stop request, so what it measured was not"
                        + " kept", 1, now)));
    }

    /**
     * Waits for every probe group. On an interrupt it raises the stop and keeps waiting, at most the grace, so that
     * the running probes hand back their partial numbers; returns whether it was interrupted, with the thread's
     * interrupt flag cleared, so that the caller can write the result before setting the flag again.
     */
    private boolean awaitAll(List<Future<?>> futures, StopSignal stop) {
        boolean interrupted = false;
        long deadline = 0;
        for (Future<?> future : futures) {
            while (true) {
                try {
                    if (interrupted) {
                        future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    } else {
                        future.get();
                    }
                    break;
                } catch (InterruptedException e) {
                    if (!interrupted) {
                        interrupted = true;
                        deadline = System.nanoTime() + stopGrace.toNanos();
                        stop.raise();
                    }
                    // A repeated interrupt asks for nothing more: the grace already bounds the wait.
                } catch (TimeoutException e) {
                    return true;
                } catch (ExecutionException e) {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("a probe group failed outside its probes", e.getCause());
                }
            }
        }
        return interrupted;
    }

    private static Path prepareOutput(Path outDir) throws ClusterBenchException {
        try {
            Files.createDirectories(outDir);
            Path check = Files.createTempFile(outDir, ".write-check", ".tmp");
            Files.delete(check);
        } catch (IOException e) {
            throw new ClusterBenchException(Kind.ENVIRONMENT, "cannot write into " + outDir + " (" + e.getMessage()
                    + "); choose a writable folder with --out");
        }
        return outDir.resolve(ResultFiles.RESULT_JSON);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The result under construction, rewritten to disk after every probe. */
    private static final class RunRecord {
        private final ClusterSpec spec;
        private final String sha256;
        private final String specFile;
        private final List<ProbeSpec> order;
        private final Path resultFile;
        private final Instant startedAt;
        private final Map<String, ProbeMeasurement> done = new ConcurrentHashMap<>();
        private final String runId;
        private final ShardMark shard;
        /** Set by the final write; a probe that returns later must not rewrite the file its caller now owns. */
        private boolean closed;

        RunRecord(ClusterSpec spec, String sha256, String specFile, List<ProbeSpec> order, Path resultFile,
                Instant startedAt, ShardMark shard) {
            this.spec = spec;
            this.sha256 = sha256;
            this.specFile = specFile;
            this.order = order;
            this.resultFile = resultFile;
            this.startedAt = startedAt;
            this.shard = shard;
            this.runId = shard == null ? RunIds.next(startedAt)
                    : shard.runId() + "-shard" + shard.index() + "of" + shard.count();
        }

        Instant startedAt() {
            return startedAt;
        }

        /** Records and writes a finished probe; false when the run was already closed without it. */
        synchronized boolean add(ProbeMeasurement measurement, Instant now, List<String> insecureHosts) {
            if (closed) {
                return false;
            }
            done.put(measurement.probe(), measurement);
            try {
                write(now, insecureHosts);
            } catch (ClusterBenchException e) {
                // The final write reports the problem; an intermediate one must not stop the load.
            }
            return true;
        }

        synchronized void addIfMissing(ProbeSpec probe, ProbeMeasurement stand) {
            done.putIfAbsent(probe.id(), stand);
        }

        /** The final write; nothing is recorded after it. */
        synchronized RunResult close(Instant now, List<String> insecureHosts) throws ClusterBenchException {
            closed = true;
            return write(now, insecureHosts);
        }

        private RunResult write(Instant now, List<String> insecureHosts) throws ClusterBenchException {
            List<ProbeMeasurement> measurements = order.stream()
                    .map(probe -> done.get(probe.id()))
                    .filter(Objects::nonNull)
                    .toList();
            RunResult result = new RunResult(RunResult.SCHEMA_VERSION, runId, spec.name(), specFile, sha256,
                    ToolInfo.current(), startedAt, now, insecureHosts, measurements);
            if (shard != null) {
                result = result.withShard(shard);
            }
            ResultFiles.write(result, resultFile);
            return result;
        }
    }
}
