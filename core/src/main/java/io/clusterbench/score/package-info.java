/**
 * The scoring role: judges a run's metrics against the spec's objectives (absolute bounds, or bounds relative to a
 * baseline of earlier runs where a change counts only when it is significant on the raw samples), totals the score,
 * decides the verdict, compares runs before and after tuning, and maps a verdict to a gate outcome. Every rule is
 * documented in docs/scoring.md; {@link io.clusterbench.score.Scorer} is the entry point.
 */
package io.clusterbench.score;
