package io.jenkins.plugins.clusterbench;

import io.clusterbench.result.ComparisonMaps;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.RunSummary;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code applyTuning verify: true} adds to a tuning's outcome on its way back from the agent: the run's verdict
 * and score, core's comparison as plain maps ({@link ComparisonMaps}) and the effect table's rows for the build page.
 *
 * @param resultPath the verification's result.json relative to the workspace, with {@code /} separators
 * @param verdict the verdict's name of the tuned rounds' score, such as {@code PASS}, or {@code UNSCORED}
 * @param score that score, or null when not scored
 * @param comparison core's comparison as {@link ComparisonMaps#of} gives it
 * @param details the effect table's rows and design line, for the build page
 * @param folders the folders, relative to the workspace, whose result.json, evidence and reports are archived
 */
public record Verification(String resultPath, String verdict, Double score, Map<String, Object> comparison,
        BuildDetails details, List<String> folders) implements Serializable {

    public Verification {
        comparison = new LinkedHashMap<>(comparison);
        folders = new ArrayList<>(folders);
    }

    /** The verification of a finished run: {@code result} is the tuned condition's, with its comparison. */
    static Verification of(RunResult result, String resultPath, List<String> folders) {
        RunSummary summary = RunSummary.of(result, List.of());
        RunComparison comparison = result.comparison();
        Map<String, Object> maps = comparison == null ? nothingCompared() : ComparisonMaps.of(comparison);
        return new Verification(resultPath, summary.verdict() == null ? BenchmarkOutcome.UNSCORED
                : summary.verdict().name(), summary.score(), maps, new BuildDetails(List.of(), List.of(),
                BuildDetails.effectLines(comparison), BuildDetails.effectDesign(comparison)), folders);
    }

    /** The same keys as {@link ComparisonMaps#of} for a run that ended without a comparison. */
    private static Map<String, Object> nothingCompared() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("design", RunComparison.NONE);
        map.put("order", "");
        map.put("roundsPerCondition", 0);
        map.put("regressed", false);
        map.put("rolledBack", false);
        map.put("explanation", "nothing was compared");
        map.put("effects", new ArrayList<>());
        return map;
    }

    /** Whether {@code rollbackIfWorse} rolled the tuning back because a key objective's metric got worse. */
    boolean rolledBack() {
        return Boolean.TRUE.equals(comparison.get("rolledBack"));
    }

    /**
     * The keys {@code applyTuning verify: true} returns beside {@code changes}: {@code runId} is the caller's;
     * then {@code resultPath}, {@code verdict}, {@code score}, and core's comparison keys ({@code design},
     * {@code order}, {@code roundsPerCondition}, {@code regressed}, {@code rolledBack}, {@code explanation},
     * {@code effects}), as fresh copies a script may change.
     */
    Map<String, Object> toStepResult() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("resultPath", resultPath);
        map.put("verdict", verdict);
        map.put("score", score);
        comparison.forEach((key, value) -> map.put(key, copy(value)));
        return map;
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return value;
    }
}
