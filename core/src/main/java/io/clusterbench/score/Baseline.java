package io.clusterbench.score;

import io.clusterbench.result.History;
import io.clusterbench.result.HistoryWindow;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.Verdict;
import io.clusterbench.spec.BaselineSettings;
import java.util.List;
import java.util.Optional;

/**
 * The earlier runs chosen as the baseline under the spec's {@code baseline:} settings, oldest first.
 *
 * @param settings the settings that chose them
 * @param runs the chosen runs; empty when there is no history to choose from
 * @param description which runs these are, for explanations: "the last 5 passing runs"
 * @param problem why the settings could not be met (a pinned run that is not in the history), or empty
 */
public record Baseline(BaselineSettings settings, List<RunResult> runs, String description, Optional<String> problem) {

    public Baseline {
        runs = List.copyOf(runs);
    }

    /**
     * Chooses the baseline for run {@code current} from {@code history}. Only runs of the same cluster count,
     * never the current run itself (by run id), in {@code startedAt} order:
     * {@code last-passing} takes the last {@code runs} runs whose score's verdict is PASS; {@code previous} the
     * last run whatever its verdict (also unscored); {@code run} the run with the pinned id, and reports a
     * problem when the history lacks it.
     */
    public static Baseline select(BaselineSettings settings, RunResult current, History history) {
        List<RunResult> earlier = history.runs().stream()
                .filter(r -> r.cluster().equals(current.cluster()) && !r.runId().equals(current.runId()))
                .toList();
        return switch (settings.from()) {
            case LAST_PASSING -> {
                List<RunResult> passing = earlier.stream().filter(HistoryWindow::countsAsPassing).toList();
                List<RunResult> last = passing.subList(Math.max(0, passing.size() - settings.runs()), passing.size());
                yield new Baseline(settings, last, "the last " + settings.runs() + " passing runs of cluster "
                        + current.cluster() + " (" + passing.size() + " passing of " + earlier.size() + " in the"
                        + " history)", Optional.empty());
            }
            case PREVIOUS -> new Baseline(settings,
                    earlier.isEmpty() ? List.of() : List.of(earlier.get(earlier.size() - 1)),
                    "the previous run of cluster " + current.cluster(), Optional.empty());
            case RUN -> pinned(settings, current, history);
        };
    }

    private static Baseline pinned(BaselineSettings settings, RunResult current, History history) {
        String id = settings.runId().orElseThrow();
        String description = "pinned run " + id;
        Optional<RunResult> run = history.runs().stream().filter(r -> r.runId().equals(id)).findFirst();
        if (run.isEmpty()) {
            List<String> ids = history.runs().stream().map(RunResult::runId).toList();
            String known = ids.isEmpty() ? "the history is empty"
                    : "the history holds " + ids.size() + " runs: " + abbreviate(ids);
            return new Baseline(settings, List.of(), description, Optional.of("the pinned baseline run '" + id
                    + "' (baseline.runId) is not in the history (" + known + "); pass the folder that holds it"
                    + " or fix baseline.runId"));
        }
        if (!run.get().cluster().equals(current.cluster())) {
            return new Baseline(settings, List.of(), description, Optional.of("the pinned baseline run '" + id
                    + "' measured cluster " + run.get().cluster() + ", not " + current.cluster()
                    + "; pin a run of this cluster"));
        }
        if (id.equals(current.runId())) {
            return new Baseline(settings, List.of(), description, Optional.of("the pinned baseline run '" + id
                    + "' is this run itself; pin an earlier run"));
        }
        return new Baseline(settings, run.stream().toList(), description, Optional.empty());
    }

    /** Up to {@code 3} ids, then how many more: "r1, r2, r3 and 4 more". */
    static String abbreviate(List<String> ids) {
        int shown = Math.min(3, ids.size());
        String head = String.join(", ", ids.subList(0, shown));
        return ids.size() > shown ? head + " and " + (ids.size() - shown) + " more" : head;
    }
}
