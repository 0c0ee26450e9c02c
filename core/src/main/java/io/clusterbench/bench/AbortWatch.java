package io.clusterbench.bench;

import io.clusterbench.control.ProbeProgress;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.Numbers;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.LiveMetrics;
import io.clusterbench.spec.ObjectiveSpec;
import io.clusterbench.spec.ProbeSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches one probe's load for the objectives marked {@code abortOnFail} and aborts the load (its own
 * {@link StopSignal}, not the run's) as soon as one of them is certainly failing, judged every
 * {@value #CHECK_MILLIS} ms on the load's live counters:
 *
 * <ul>
 *   <li>an error count over its bound: counts never fall, so it fails whatever comes next;
 *   <li>an error share that the requests still planned can no longer bring under its bound (a load bound by a count
 *       of requests), even if every one of them succeeds;
 *   <li>an error share over its bound at every check for the last {@code abortGrace}, counted from the first
 *       measured answer, with at least {@value #MIN_FINISHED} requests finished at each.
 * </ul>
 *
 * The probe then ends PARTIAL with an {@code aborted} error that says which objective and why, and keeps what it
 * measured until then.
 */
final class AbortWatch implements AutoCloseable {
    static final long CHECK_MILLIS = 100;
    /** Fewer finished requests than this make a share that says nothing yet (one failure of two is 50%). */
    static final long MIN_FINISHED = 10;

    private final List<Rule> rules;
    private final ProbeProgress progress;
    private final StopSignal stop;
    private final ScheduledExecutorService timer;
    private long firstAnswerAt;
    private boolean answered;

    /** One aborting objective, with the moment since which its share has failed at every check. */
    private static final class Rule {
        final ObjectiveSpec objective;
        final String name;
        long failingSince;
        boolean failing;

        Rule(ObjectiveSpec objective, String name) {
            this.objective = objective;
            this.name = name;
        }
    }

    private AbortWatch(List<Rule> rules, ProbeProgress progress, StopSignal stop, String threadName) {
        this.rules = rules;
        this.progress = progress;
        this.stop = stop;
        if (rules.isEmpty()) {
            this.timer = null;
            return;
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Watches {@code probe}'s load for the spec's aborting objectives on it; does nothing when it has none. */
    static AbortWatch start(ClusterSpec spec, ProbeSpec probe, ProbeProgress progress, StopSignal stop) {
        String prefix = probe.id() + ".";
        List<Rule> rules = spec.objectives().stream()
                .filter(o -> o.abortGrace().isPresent() && o.metric().startsWith(prefix))
                .map(o -> new Rule(o, o.metric().substring(prefix.length())))
                .filter(rule -> LiveMetrics.isLive(rule.name))
                .toList();
        return new AbortWatch(rules, progress, stop, "clusterbench-abort-" + probe.id());
    }

    private synchronized void check() {
        if (stop.raised()) {
            return;
        }
        ProbeProgress.Snapshot now = progress.snapshot();
        long at = System.nanoTime();
        if (now.done() == 0) {
            return;
        }
        if (!answered) {
            answered = true;
            firstAnswerAt = at;
        }
        for (Rule rule : rules) {
            verdict(rule, now, at).ifPresent(why -> stop.abort(rule.objective.metric() + " " + why
                    + " (abortOnFail of the objective at " + rule.objective.location() + ")"));
            if (stop.raised()) {
                return;
            }
        }
    }

    /** Why the rule's objective is certainly failing now, if it is. */
    private Optional<String> verdict(Rule rule, ProbeProgress.Snapshot now, long at) {
        double limit = rule.objective.pass().value();
        String pass = "pass " + rule.objective.pass().text();
        if (LiveMetrics.isCount(rule.name)) {
            return rule.objective.pass().op().test(now.errors(), limit) ? Optional.empty()
                    : Optional.of("reached " + now.errors() + ", beyond its " + pass + ", and a count never falls");
        }
        double share = 100.0 * now.errors() / now.done();
        if (now.total() > 0 && !rule.objective.pass().op().test(100.0 * now.errors() / now.total(), limit)) {
            return Optional.of("can no longer meet its " + pass + ": " + now.errors() + " errors of "
                    + now.total() + " planned requests are " + Numbers.format(100.0 * now.errors() / now.total())
                    + "% even if every other request succeeds");
        }
        boolean failing = now.done() >= MIN_FINISHED && !rule.objective.pass().op().test(share, limit);
        if (!failing) {
            rule.failing = false;
            return Optional.empty();
        }
        if (!rule.failing) {
            rule.failing = true;
            rule.failingSince = at;
        }
        Duration grace = rule.objective.abortGrace().orElseThrow();
        long graceNanos = grace.toNanos();
        if (at - rule.failingSince >= graceNanos && at - firstAnswerAt >= graceNanos) {
            return Optional.of("was " + Numbers.format(share) + " (" + now.errors() + " errors of " + now.done()
                    + " requests), beyond its " + pass + ", at every check for the last " + seconds(grace));
        }
        return Optional.empty();
    }

    private static String seconds(Duration grace) {
        return Numbers.format(grace.toMillis() / 1000.0) + " s";
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
