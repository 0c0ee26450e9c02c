package io.jenkins.plugins.clusterbench;

import io.clusterbench.result.ObjectiveResult;
import java.io.Serializable;

/**
 * One objective as the build page shows it: the metric, how it was judged, the measured value and core's one-sentence
 * explanation. A plain class rather than a record: Jenkins stores build actions with XStream, which cannot set a
 * record's fields.
 */
public final class ObjectiveLine implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String metric;
    private final String status;
    private final Double measured;
    private final String unit;
    private final String pass;
    private final String explanation;

    ObjectiveLine(String metric, String status, Double measured, String unit, String pass, String explanation) {
        this.metric = metric;
        this.status = status;
        this.measured = measured;
        this.unit = unit;
        this.pass = pass;
        this.explanation = explanation;
    }

    /** Copies the few fields the page shows out of core's full judgement. */
    static ObjectiveLine of(ObjectiveResult objective) {
        return new ObjectiveLine(objective.metric(), objective.status().name(), objective.measured(),
                objective.unit(), objective.pass(), objective.explanation());
    }

    /** The metric, {@code probe.metric}. */
    public String getMetric() {
        return metric;
    }

    /** How it was judged: PASS, WARNING, FAIL or INCONCLUSIVE. */
    public String getStatus() {
        return status;
    }

    /** The measured value, or null when there was no data. */
    public Double getMeasured() {
        return measured;
    }

    /** The measured value's unit, or an empty string. */
    public String getUnit() {
        return unit == null ? "" : unit;
    }

    /** The pass criterion as the spec writes it, such as {@code <= 2}. */
    public String getPass() {
        return pass;
    }

    /** Core's sentence saying why, with the numbers. */
    public String getExplanation() {
        return explanation;
    }
}
