/**
 * The promql probe: PromQL instant queries against Prometheus' HTTP API, each sample a metric with its series'
 * labels.
 */
package io.clusterbench.probe.promql;
