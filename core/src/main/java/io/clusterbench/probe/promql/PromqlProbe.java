package io.clusterbench.probe.promql;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.probe.MeasurementBuilder;
import io.clusterbench.probe.Probe;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.spec.Parameters;
import io.clusterbench.spec.PromqlDescriptor;
import io.clusterbench.spec.SecretRef;
import io.clusterbench.spec.ServiceSpec;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Runs PromQL instant queries against Prometheus' HTTP API and turns every sample they return into a metric, named
 * after the query ({@code value} for a single {@code query}) and labelled with its series' labels.
 *
 * <p>A query that returns no series, or a NaN or infinite value, gives no metric (NODATA) and a {@code nodata}
 * entry that says so; since the query itself was answered and timed, the probe is then {@code PARTIAL}, not
 * {@code FAILED}. The time of every answered query is kept as the {@code query} latency ({@code query_p99_ms}...).
 */
public final class PromqlProbe implements Probe {
    private static final long HISTOGRAM_MAX_MICROS = 3_600_000_000L;

    private final Duration queryTimeout;

    /** A probe whose queries each end within {@value PrometheusApi#QUERY_TIMEOUT_SECONDS} s. */
    public PromqlProbe() {
        this(PrometheusApi.QUERY_TIMEOUT);
    }

    /** A probe with another query timeout, for tests that must not wait the default out. */
    PromqlProbe(Duration queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    @Override
    public ProbeMeasurement run(ProbeContext context) {
        ServiceSpec service = context.service();
        String url = service.url().map(PromqlProbe::withoutCredentials).orElse("-");
        MeasurementBuilder measurement = context.measure(url);
        String where = "Prometheus of service '" + service.id() + "' at " + url;
        if (service.url().isEmpty()) {
            return measurement.fail(ErrorKind.INVALID_SPEC, "service '" + service.id()
                    + "' has no url: add url: to it");
        }
        Optional<String> token;
        try {
            token = token(context, service.secret());
        } catch (ClusterBenchException e) {
            return measurement.fail(ErrorKind.AUTH, e.getMessage());
        }
        PrometheusApi api = new PrometheusApi(url, where, token, queryTimeout);
        Map<String, String> queries = queries(context.probe().parameters());
        context.progress().expect(queries.size());
        Histogram latency = new Histogram(HISTOGRAM_MAX_MICROS, 3);
        for (Map.Entry<String, String> query : queries.entrySet()) {
            if (context.stop().raised()) {
                break;
            }
            boolean goOn = runOne(api, query.getKey(), query.getValue(), where, context, measurement, latency);
            if (!goOn) {
                break;
            }
        }
        measurement.latency("query", "query_", latency);
        return measurement.finish();
    }

    /** Runs one query and records its samples or its failure; false when the remaining queries cannot succeed. */
    private static boolean runOne(PrometheusApi api, String name, String expression, String where,
            ProbeContext context, MeasurementBuilder measurement, Histogram latency) {
        String what = "query '" + name + "' (" + expression + ")";
        try {
            Optional<PrometheusApi.Answer> answer = api.query(expression, context.stop());
            if (answer.isEmpty()) {
                return false; // stopped: finish() says so
            }
            InstantResult result = InstantResult.parse(answer.get().status(), answer.get().body(), where);
            latency.recordValue(Math.min(Math.max(answer.get().micros(), 0), HISTOGRAM_MAX_MICROS));
            record(name, what, result, measurement);
            context.progress().completed();
            return true;
        } catch (QueryFailure failure) {
            measurement.error(failure.kind(), failure.fatal() ? failure.getMessage() : what + ": " + failure.getMessage());
            context.progress().completed();
            context.progress().failed();
            return !failure.fatal();
        }
    }

    private static void record(String name, String what, InstantResult result, MeasurementBuilder measurement) {
        for (String warning : result.warnings()) {
            measurement.error(ErrorKind.WARNING, what + ": Prometheus warned: " + warning);
        }
        if (result.samples().isEmpty()) {
            measurement.error(ErrorKind.NODATA, what
                    + " returned no series, so it has no value (NODATA): check the metric"
                    + " name and label matchers, and that Prometheus scrapes the target that exports it");
            return;
        }
        for (InstantResult.Sample sample : result.samples()) {
            if (Double.isFinite(sample.value())) {
                measurement.metrics(List.of(new MetricValue(name, sample.value(),
                        UnitGuess.of(name, sample.labels()), sample.labels())));
            } else {
                measurement.error(ErrorKind.NODATA, what + " gave " + sample.value() + " for " + series(sample.labels())
                        + ", which is no measurement (NODATA): Prometheus writes NaN for 0/0, such as a rate or a"
                        + " ratio over no samples");
            }
        }
    }

    /** {@code query} as the one query named {@code value}, or {@code queries} in spec order. */
    static Map<String, String> queries(Parameters parameters) {
        Optional<String> single = PromqlDescriptor.QUERY.optionalIn(parameters);
        if (single.isPresent()) {
            return Map.of(PromqlDescriptor.SINGLE_QUERY_NAME, single.get());
        }
        return new LinkedHashMap<>(PromqlDescriptor.QUERIES.optionalIn(parameters).orElse(Map.of()));
    }

    private static Optional<String> token(ProbeContext context, Optional<SecretRef> secret)
            throws ClusterBenchException {
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(context.secrets().resolve(secret.get()));
    }

    /** The URL as messages and results show it: no user info (which may hold a password), no query, no fragment. */
    static String withoutCredentials(URI url) {
        StringBuilder shown = new StringBuilder();
        if (url.getScheme() != null) {
            shown.append(url.getScheme()).append("://");
        }
        shown.append(url.getHost() == null ? "" : url.getHost());
        if (url.getPort() >= 0) {
            shown.append(':').append(url.getPort());
        }
        if (url.getRawPath() != null) {
            shown.append(url.getRawPath());
        }
        return shown.toString().replaceAll("/+$", "");
    }

    private static String series(Map<String, String> labels) {
        return labels.isEmpty() ? "the scalar result" : "series " + new TreeMap<>(labels);
    }
}
