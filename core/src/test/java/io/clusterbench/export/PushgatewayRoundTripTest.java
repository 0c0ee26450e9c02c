package io.clusterbench.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.control.PushTarget;
import io.clusterbench.local.LocalPrometheus;
import io.clusterbench.local.LocalPrometheus.Series;
import io.clusterbench.local.LocalPushgateway;
import io.clusterbench.local.LocalServerException;
import io.clusterbench.result.PushReceipt;
import io.clusterbench.testkit.RealServers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The export's round trip: a run pushed to a real Pushgateway, scraped by a real Prometheus, and read back with
 * PromQL as a dashboard or an alert would read it.
 */
@ExtendWith(RealServers.class)
class PushgatewayRoundTripTest {
    private static final Duration SCRAPED_WITHIN = Duration.ofSeconds(30);

    @BeforeAll
    static void scrapeThePushgateway(LocalPrometheus prometheus, LocalPushgateway pushgateway)
            throws LocalServerException {
        prometheus.scrape(pushgateway);
        prometheus.awaitTarget(LocalPrometheus.PUSHGATEWAY_JOB, SCRAPED_WITHIN);
    }

    @Test
    void scoreVerdictObjectivesEffectsAndMetricsComeBackThroughPromql(LocalPrometheus prometheus,
            LocalPushgateway pushgateway) throws Exception {
        PushReceipt receipt = Pushgateway.push(ExportedRuns.tunedRun("round-trip", "run-1"),
                PushTarget.parse(pushgateway.url(), "--push"));

        assertThat(receipt.url()).isEqualTo(pushgateway.url() + "/metrics/job/clusterbench/cluster/round-trip");
        assertThat(receipt.series()).isGreaterThan(40);
        String run = "cluster=\"round-trip\",run_id=\"run-1\"";
        assertThat(scraped(prometheus, "clusterbench_score{" + run + "}")).isEqualTo(82.5);
        assertThat(scraped(prometheus, "clusterbench_verdict{" + run + ",verdict=\"warning\"}")).isEqualTo(1);
        assertThat(scraped(prometheus, "sum(clusterbench_verdict{" + run + "})")).isEqualTo(1);
        assertThat(scraped(prometheus, "clusterbench_gate_status{" + run + ",status=\"unstable\"}")).isEqualTo(1);
        assertThat(scraped(prometheus, "clusterbench_metric{" + run
                + ",probe=\"cache.primary\",metric=\"ops_per_s\",unit=\"ops/s\"}")).isEqualTo(41502.5);
        assertThat(scraped(prometheus, "clusterbench_objective_state{" + run
                + ",metric=\"p99_ms\",criterion=\"<= 2\",state=\"warning\"}")).isEqualTo(1);
        assertThat(scraped(prometheus, "count(clusterbench_objective_state{" + run + ",state=\"fail\"} == 1)"))
                .isEqualTo(1);
        assertThat(scraped(prometheus, "clusterbench_effect_change_pct{" + run + ",metric=\"p99_ms\"}"))
                .isEqualTo(-13.3);
        assertThat(scraped(prometheus, "clusterbench_effect_verdict{" + run
                + ",metric=\"p99_ms\",verdict=\"improved\"}")).isEqualTo(1);
        assertThat(scraped(prometheus, "clusterbench_run_timestamp_seconds{" + run + "}"))
                .isEqualTo(ExportedRuns.ENDED.toEpochMilli() / 1000.0);

        // honor_labels: the grouping key's job stays job, nothing is renamed exported_...
        List<Series> score = prometheus.query("clusterbench_score{" + run + "}");
        assertThat(score.get(0).labels()).containsEntry("job", Pushgateway.JOB)
                .doesNotContainKeys("exported_job", "exported_cluster", "exported_instance");
    }

    @Test
    void aNewerRunOfTheSameClusterReplacesTheOlderOneInThePushgateway(LocalPrometheus prometheus,
            LocalPushgateway pushgateway) throws Exception {
        PushTarget target = PushTarget.parse(pushgateway.url(), "--push");
        Pushgateway.push(ExportedRuns.tunedRun("replaced", "old-run"), target);
        assertThat(scraped(prometheus, "clusterbench_score{cluster=\"replaced\",run_id=\"old-run\"}")).isEqualTo(82.5);

        Pushgateway.push(ExportedRuns.tunedRun("replaced", "new-run"), target);

        assertThat(scraped(prometheus, "clusterbench_score{cluster=\"replaced\",run_id=\"new-run\"}")).isEqualTo(82.5);
        // The Pushgateway holds one run per cluster: after the next scrape the old run's series are gone from it.
        prometheus.awaitValue("count(clusterbench_score{cluster=\"replaced\"})", 1.0, SCRAPED_WITHIN);
        assertThat(prometheus.query("clusterbench_score{cluster=\"replaced\"}")).singleElement()
                .satisfies(series -> assertThat(series.labels()).containsEntry("run_id", "new-run"));
    }

    @Test
    void aClusterNameWithSlashesGoesInTheGroupingKeyAsBase64(LocalPrometheus prometheus,
            LocalPushgateway pushgateway) throws Exception {
        PushReceipt receipt = Pushgateway.push(ExportedRuns.tunedRun("team/a b", "run-1"),
                PushTarget.parse(pushgateway.url(), "--push"));

        assertThat(receipt.url()).endsWith("/metrics/job/clusterbench/cluster@base64/dGVhbS9hIGI=");
        assertThat(scraped(prometheus, "clusterbench_score{cluster=\"team/a b\"}")).isEqualTo(82.5);
    }

    /** The value of the query's first series, once a scrape after the push brought it. */
    private static double scraped(LocalPrometheus prometheus, String promql) throws LocalServerException {
        return prometheus.awaitSeries(promql, SCRAPED_WITHIN).get(0).value();
    }
}
