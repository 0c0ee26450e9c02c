package io.clusterbench.bench;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ShardMark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks that shard results make exactly one run before they are merged: all shards, each once, of one run id, one
 * spec, one shard count, every clock within the bound. Each refusal names the files and what to do.
 */
final class ShardSet {

    private ShardSet() {
    }

    /**
     * The shards in shard order.
     *
     * @param results the shard results with the names the user gave them (a path), in any order
     * @param maxClockOffsetMs the largest clock offset (plus half its round trip) a shard may have
     * @throws ClusterBenchException MERGE_REFUSED or CLOCK_SKEW, with the reason
     */
    static List<RunResult> check(Map<String, RunResult> results, double maxClockOffsetMs)
            throws ClusterBenchException {
        if (results.isEmpty()) {
            throw new ClusterBenchException(Kind.USAGE, "name the result.json of every shard to merge");
        }
        String firstName = results.keySet().iterator().next();
        RunResult first = results.get(firstName);
        TreeMap<Integer, String> byIndex = new TreeMap<>();
        List<RunResult> ordered = new ArrayList<>();
        for (Map.Entry<String, RunResult> entry : results.entrySet()) {
            String name = entry.getKey();
            RunResult result = entry.getValue();
            ShardMark mark = result.shard();
            if (mark == null) {
                throw refused(name + " is not a shard's result (it has no 'shard' field): only results of"
                        + " 'benchmark --shard i/N' are merged");
            }
            ShardMark firstMark = first.shard();
            if (firstMark == null) {
                throw refused(firstName + " is not a shard's result (it has no 'shard' field): only results of"
                        + " 'benchmark --shard i/N' are merged");
            }
            if (!mark.runId().equals(firstMark.runId())) {
                throw refused(name + " is of run " + mark.runId() + " but " + firstName + " is of run "
                        + firstMark.runId() + ": merge only the shards of one run (one --run-id)");
            }
            if (!String.valueOf(result.specSha256()).equals(String.valueOf(first.specSha256()))
                    || !result.cluster().equals(first.cluster())) {
                throw refused(name + " ran spec sha256 " + result.specSha256() + " but " + firstName + " ran "
                        + first.specSha256() + ": every shard of a run must run the same spec file");
            }
            if (mark.count() != firstMark.count()) {
                throw refused(name + " is shard " + mark.label() + " but " + firstName + " is shard "
                        + firstMark.label() + ": every shard of a run must be given the same N");
            }
            if (!mark.wholeWorkloads().equals(firstMark.wholeWorkloads())) {
                throw refused(name + " and " + firstName + " measured different probes (--only or the spec"
                        + " differ): every shard of a run must run the same probes");
            }
            String twice = byIndex.put(mark.index(), name);
            if (twice != null) {
                throw refused("shard " + mark.label() + " is given twice: " + twice + " and " + name
                        + "; give each shard's result.json once");
            }
            checkClock(name, mark, maxClockOffsetMs);
            ordered.add(result);
        }
        int count = first.shard().count();
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i + "/" + count);
            }
        }
        if (!missing.isEmpty()) {
            throw refused("shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + " of run "
                    + first.shard().runId() + (missing.size() == 1 ? " is" : " are") + " missing (given: "
                    + String.join(", ", byIndex.values()) + "); give the result.json of every shard");
        }
        ordered.sort(Comparator.comparingInt(r -> r.shard().index()));
        return ordered;
    }

    private static void checkClock(String name, ShardMark mark, double maxClockOffsetMs)
            throws ClusterBenchException {
        if (mark.clock() != null && mark.clock().boundMs() > maxClockOffsetMs) {
            throw new ClusterBenchException(Kind.CLOCK_SKEW, name + ": the clock of shard " + mark.label() + " on "
                    + mark.host() + " was " + String.format(java.util.Locale.ROOT, "%.3f", mark.clock().offsetMs())
                    + " ms off " + mark.clock().coordinator() + "'s (round trip " + String.format(
                            java.util.Locale.ROOT, "%.3f", mark.clock().roundTripMs()) + " ms), more than the "
                    + maxClockOffsetMs + " ms allowed: its load window cannot be lined up with the others'. Sync the"
                    + " clocks (chrony, ntpd) and run again, or raise the bound (merge --max-clock-offset MS, or"
                    + " maxClockOffset: in the mergeResults step)");
        }
    }

    private static ClusterBenchException refused(String why) {
        return new ClusterBenchException(Kind.MERGE_REFUSED, "cannot merge: " + why);
    }
}
