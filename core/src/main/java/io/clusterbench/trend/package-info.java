/**
 * The trend across runs: a small summary per run, kept beside its {@code result.json} so that the trend never
 * reparses full results, and {@code trend.json} plus {@code trend.html} (SVG, no scripts, no inline styles) built
 * from those summaries.
 */
package io.clusterbench.trend;
