/**
 * A role: a run's result as Prometheus metrics, written as OpenMetrics or Prometheus text through the Prometheus
 * Java client's writers, and pushed to a Prometheus Pushgateway; the names and labels are documented in
 * docs/results.md ("Prometheus export") and stay stable across versions.
 */
package io.clusterbench.export;
