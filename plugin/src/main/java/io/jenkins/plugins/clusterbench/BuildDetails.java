package io.jenkins.plugins.clusterbench;

import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.EffectTable;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.RunResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the build's own page shows beyond the summary: every objective with its explanation, every tuning change
 * with its before/after values and, where the tuning was verified, the effect table. Made on the agent from the run's result and sent back with the outcome, so the
 * controller never reads result.json. Plain {@link ArrayList}s, for remoting's class filter and for XStream.
 */
public final class BuildDetails implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Keeps a build.xml small even for a spec with many objectives or a long tuning plan. */
    static final int MAX_LINES = 200;

    private final ArrayList<ObjectiveLine> objectives;
    private final ArrayList<ChangeLine> changes;
    /** Null in builds saved before effects existed, and where nothing was compared. */
    private final ArrayList<EffectLine> effects;
    private final String effectDesign;

    BuildDetails(List<ObjectiveLine> objectives, List<ChangeLine> changes) {
        this(objectives, changes, List.of(), null);
    }

    BuildDetails(List<ObjectiveLine> objectives, List<ChangeLine> changes, List<EffectLine> effects,
            String effectDesign) {
        this.objectives = new ArrayList<>(objectives.subList(0, Math.min(MAX_LINES, objectives.size())));
        this.changes = new ArrayList<>(changes.subList(0, Math.min(MAX_LINES, changes.size())));
        this.effects = new ArrayList<>(effects.subList(0, Math.min(MAX_LINES, effects.size())));
        this.effectDesign = effectDesign;
    }

    /** The effect table's rows of a comparison, in its order, cells from core's {@link EffectTable}. */
    static List<EffectLine> effectLines(RunComparison comparison) {
        List<EffectLine> lines = new ArrayList<>();
        if (comparison != null) {
            for (List<String> row : EffectTable.rows(comparison)) {
                lines.add(EffectLine.of(row));
            }
        }
        return lines;
    }

    /** The line under the effect table (design, order, rounds), or null when nothing was compared. */
    static String effectDesign(RunComparison comparison) {
        return comparison == null ? null : EffectTable.design(comparison);
    }

    /** No objectives and no changes: what a build page shows for a run saved before details existed. */
    static BuildDetails none() {
        return new BuildDetails(List.of(), List.of());
    }

    /** Takes the objectives (when scored), changes and effects (when compared) out of a run's result. */
    public static BuildDetails of(RunResult result) {
        List<ObjectiveLine> objectives = new ArrayList<>();
        if (result.score() != null) {
            for (ObjectiveResult objective : result.score().objectives()) {
                objectives.add(ObjectiveLine.of(objective));
            }
        }
        List<ChangeLine> changes = new ArrayList<>();
        for (ChangeOutcome change : result.changes()) {
            changes.add(ChangeLine.of(change));
        }
        return new BuildDetails(objectives, changes, effectLines(result.comparison()),
                effectDesign(result.comparison()));
    }

    /** The objectives in spec order. */
    public List<ObjectiveLine> getObjectives() {
        return new ArrayList<>(objectives);
    }

    /** The tuning changes in spec order; empty when the run tuned nothing. */
    public List<ChangeLine> getChanges() {
        return new ArrayList<>(changes);
    }

    /** The effect of a verified tuning per key metric; empty when the build compared nothing. */
    public List<EffectLine> getEffects() {
        return effects == null ? new ArrayList<>() : new ArrayList<>(effects);
    }

    /** The design line under the effect table, or null when the build compared nothing. */
    public String getEffectDesign() {
        return effectDesign;
    }
}
