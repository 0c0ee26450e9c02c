package io.clusterbench.score;

import io.clusterbench.result.Numbers;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.Verdict;
import java.util.List;

/**
 * The verdict from the judged objectives, the total and the thresholds, in this order of precedence (ERROR is
 * decided before, by {@link Scorer}, because objectives cannot show it):
 * <ol>
 *   <li>no objectives: INCONCLUSIVE;</li>
 *   <li>a key objective FAIL: FAIL, whatever the total;</li>
 *   <li>no objective counted (all ignored or inconclusive): INCONCLUSIVE;</li>
 *   <li>total below the warning threshold: FAIL;</li>
 *   <li>any objective INCONCLUSIVE: INCONCLUSIVE;</li>
 *   <li>total below the pass threshold: WARNING;</li>
 *   <li>otherwise PASS.</li>
 * </ol>
 * Totals are compared as shown, after rounding to one decimal.
 */
final class Verdicts {

    private Verdicts() {
    }

    /** A verdict and the sentence that explains it. */
    record Decision(Verdict verdict, String explanation) {
    }

    static Decision decide(List<ObjectiveResult> objectives, double total, double passThreshold,
            double warningThreshold) {
        String pass = Numbers.format(passThreshold);
        String warning = Numbers.format(warningThreshold);
        String score = "score " + Numbers.score(total);
        if (objectives.isEmpty()) {
            return new Decision(Verdict.INCONCLUSIVE, "no objectives: the spec has no objectives, so nothing was"
                    + " judged; add objectives: to score the run");
        }
        List<ObjectiveResult> keyFailures = objectives.stream()
                .filter(o -> o.key() && o.status() == ObjectiveStatus.FAIL).toList();
        if (!keyFailures.isEmpty()) {
            List<String> names = keyFailures.stream().map(ObjectiveResult::metric).toList();
            return new Decision(Verdict.FAIL, (names.size() == 1 ? "key objective " : "key objectives ")
                    + String.join(", ", names) + " failed, which fails the run whatever the " + score + " (pass at "
                    + pass + ")");
        }
        long counted = objectives.stream().filter(o -> o.status() == ObjectiveStatus.PASS
                || o.status() == ObjectiveStatus.WARNING || o.status() == ObjectiveStatus.FAIL).count();
        List<String> inconclusive = objectives.stream().filter(o -> o.status() == ObjectiveStatus.INCONCLUSIVE)
                .map(ObjectiveResult::metric).toList();
        long ignored = objectives.stream().filter(o -> o.status() == ObjectiveStatus.IGNORED).count();
        if (counted == 0) {
            return new Decision(Verdict.INCONCLUSIVE, "no objective could be scored (" + inconclusive.size()
                    + " inconclusive, " + ignored + " ignored), so there is no score");
        }
        if (total < warningThreshold) {
            return new Decision(Verdict.FAIL, score + " is below the warning threshold " + warning + ": fail");
        }
        if (!inconclusive.isEmpty()) {
            return new Decision(Verdict.INCONCLUSIVE, inconclusive.size() + " of " + objectives.size()
                    + " objectives are inconclusive (" + Baseline.abbreviate(inconclusive) + "); the " + score
                    + " covers only the " + counted + " judged, so the run cannot pass");
        }
        if (total < passThreshold) {
            return new Decision(Verdict.WARNING, score + " is at least the warning threshold " + warning
                    + " but below the pass threshold " + pass + ": warning");
        }
        String ignoredNote = ignored == 0 ? "" : " (" + ignored + " ignored for lack of data)";
        return new Decision(Verdict.PASS, score + " is at least the pass threshold " + pass + ": pass" + ignoredNote);
    }
}
