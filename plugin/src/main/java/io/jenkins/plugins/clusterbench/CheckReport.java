package io.jenkins.plugins.clusterbench;

import io.clusterbench.result.GateOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * The check a step publishes for its result, so that a pull request shows it: one check per result id, named as the
 * result, with the verdict and score as its title, the gate's decision and the failed objectives (with core's
 * explanations) as its summary, and the tuning's effect table and changes as its text, in Markdown. Made from the
 * recorded result without any Jenkins or checks-api type, so the plugin runs without checks-api and a plain test reads
 * every word ({@link ChecksPublication} only copies it into checks-api's types).
 *
 * @param name the check's name: the platform updates the check of that name, so a later step with the same id
 *     replaces the earlier one's, as on the build page
 * @param conclusion SUCCESS, NEUTRAL or FAILURE
 * @param title the verdict and score
 * @param summary the gate's decision and the failed objectives; empty when there is neither
 * @param text the effect table and the changes; empty when the result has neither
 */
record CheckReport(String name, Conclusion conclusion, String title, String summary, String text) {

    /** The outcome, named as checks-api's {@code ChecksConclusion} constants that it stands for. */
    enum Conclusion { SUCCESS, NEUTRAL, FAILURE }

    /**
     * The check for {@code result}. With {@code gate} (assertScore) the gate decides: PASS is SUCCESS, UNSTABLE is
     * NEUTRAL, FAIL is FAILURE, as the build result does. Without (benchmarkCluster, applyTuning) the verdict does:
     * PASS is SUCCESS, FAIL is FAILURE, anything else (WARNING, INCONCLUSIVE, an unscored tuning) NEUTRAL.
     */
    static CheckReport of(ClusterBenchAction result, GateOutcome gate) {
        String title = result.getScore() == null ? Messages.CheckReport_TitleUnscored(result.getVerdict())
                : Messages.CheckReport_TitleScored(result.getVerdict(), result.getScoreText());
        return new CheckReport(result.getDisplayName(), conclusionOf(result.getVerdict(), gate), title,
                summaryOf(result, gate), textOf(result));
    }

    private static Conclusion conclusionOf(String verdict, GateOutcome gate) {
        if (gate != null) {
            return switch (gate.status()) {
                case PASS -> Conclusion.SUCCESS;
                case UNSTABLE -> Conclusion.NEUTRAL;
                case FAIL -> Conclusion.FAILURE;
            };
        }
        return switch (verdict) {
            case "PASS" -> Conclusion.SUCCESS;
            case "FAIL" -> Conclusion.FAILURE;
            default -> Conclusion.NEUTRAL;
        };
    }

    private static String summaryOf(ClusterBenchAction result, GateOutcome gate) {
        List<String> lines = new ArrayList<>();
        if (gate != null) {
            lines.add(gate.line()); // core's line, as the console and the CLI print it
        }
        List<ObjectiveLine> failed = result.getObjectives().stream()
                .filter(objective -> "FAIL".equals(objective.getStatus())).toList();
        if (!failed.isEmpty()) {
            lines.add("");
            lines.add("### " + Messages.CheckReport_FailedObjectives());
            failed.forEach(objective -> lines.add("- **" + objective.getMetric() + "**: "
                    + objective.getExplanation()));
        } else if (!result.getFailedObjectives().isEmpty()) {
            // Details unreadable: the summary in build.xml still names the first failed objectives.
            lines.add("");
            lines.add("### " + Messages.CheckReport_FailedObjectives());
            result.getFailedObjectives().forEach(metric -> lines.add("- **" + metric + "**"));
            if (result.getUnnamedFailedObjectives() > 0) {
                lines.add("- " + Messages.CheckReport_MoreFailed(result.getUnnamedFailedObjectives()));
            }
        }
        return String.join("\n", lines).strip();
    }

    private static String textOf(ClusterBenchAction result) {
        List<String> lines = new ArrayList<>();
        if (!result.getEffects().isEmpty()) {
            lines.add("### " + Messages.CheckReport_EffectOfTuning());
            lines.add(result.getEffectCounts());
            lines.add("");
            lines.add(row(result.getEffectHeader()));
            lines.add(row(result.getEffectHeader().stream().map(title -> "---").toList()));
            for (EffectLine effect : result.getEffects()) {
                lines.add(row(List.of(effect.getMetric(), effect.getBefore(), effect.getAfter(), effect.getChange(),
                        effect.getVerdict())));
            }
            if (result.getEffectDesign() != null) {
                lines.add("");
                lines.add(result.getEffectDesign());
            }
        }
        if (!result.getChanges().isEmpty()) {
            lines.add("");
            lines.add("### " + Messages.CheckReport_Changes());
            for (ChangeLine change : result.getChanges()) {
                lines.add("- " + change.getAction() + " " + change.getTarget() + ": " + change.getStatus()
                        + (change.getMessage() == null ? "" : " (" + change.getMessage() + ")"));
            }
        }
        return String.join("\n", lines).strip();
    }

    /** A Markdown table row; a {@code |} inside a cell would end it, so it is escaped. */
    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(cell -> cell == null ? "" : cell.replace("|", "\\|"))
                .toList()) + " |";
    }
}
