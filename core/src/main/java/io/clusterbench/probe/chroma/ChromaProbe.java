package io.clusterbench.probe.chroma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.probe.MeasurementBuilder;
import io.clusterbench.probe.Probe;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.probe.TimelineRecorder;
import io.clusterbench.probe.TimelineSampler;
import io.clusterbench.probe.WarmupMetrics;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.spec.ChromaDescriptor;
import io.clusterbench.spec.Parameters;
import io.clusterbench.spec.ServiceSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Measures a ChromaDB server over its v2 HTTP API: the heartbeat (latency, and the server's clock against this
 * machine's), the version, and the latency of nearest-neighbour queries against one collection. Chroma 1.x answers
 * every v1 path with 410 Gone; a server whose v2 heartbeat is missing is asked on v1 to say why. Metrics are
 * documented in docs/probes.md.
 */
public final class ChromaProbe implements Probe {
    private static final double NANOS_PER_MS = 1e6;
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    @Override
    public ProbeMeasurement run(ProbeContext context) {
        ServiceSpec service = context.service();
        Parameters parameters = context.probe().parameters();
        URI url = service.url().orElseThrow(() -> new IllegalStateException("chroma service without url"));
        Optional<String> token;
        MeasurementBuilder measurement = context.measure(url.toString());
        try {
            token = service.secret().isPresent()
                    ? Optional.of(context.secrets().resolve(service.secret().get())) : Optional.empty();
        } catch (ClusterBenchException e) {
            return measurement.fail(ErrorKind.AUTH, e.getMessage());
        }
        ChromaApi api = new ChromaApi(url, token, ChromaDescriptor.TIMEOUT.in(parameters));

        if (!heartbeat(api, service.id(), measurement)) {
            return measurement.finish();
        }
        version(api, service.id(), measurement);
        Optional<String> collection = ChromaDescriptor.COLLECTION.optionalIn(parameters)
                .or(() -> service.option("collection"));
        if (collection.isEmpty()) {
            // Without a collection there is nothing to query; heartbeat and version are what this probe measures.
            return measurement.finish();
        }
        String tenant = service.option("tenant").orElse("default_tenant");
        String database = service.option("database").orElse("default_database");
        Optional<ChromaCollection> found = ChromaCollection.resolve(api, tenant, database, collection.get(),
                service.id(), measurement);
        if (found.isPresent()) {
            measurement.metric("collection_dimension", found.get().dimension(), "count");
            query(context, api, found.get(), parameters, measurement);
        }
        return measurement.finish();
    }

    /**
     * GET {@code /api/v2/heartbeat}: {@code heartbeat_ms} and {@code clock_offset_ms}. A 404 is explained by asking
     * the v1 heartbeat.
     *
     * @return false when the server cannot be measured at all
     */
    private static boolean heartbeat(ChromaApi api, String serviceId, MeasurementBuilder measurement) {
        ChromaApi.Answer answer = api.get("/api/v2/heartbeat");
        String where = "GET " + api.base() + "/api/v2/heartbeat";
        if (!answer.answered()) {
            measurement.error(answer.errorKind(), answer.errorMessage());
            return false;
        }
        if (answer.status() == 404) {
            measurement.error(ErrorKind.PROTOCOL, where + " answered 404: " + whyNoV2(api));
            return false;
        }
        if (answer.status() == 401 || answer.status() == 403) {
            measurement.error(ErrorKind.AUTH, where + " answered " + answer.status() + ": " + answer.message()
                    + "; set or correct the token of service " + serviceId);
            return false;
        }
        if (answer.status() != 200) {
            measurement.error(ErrorKind.HTTP_STATUS, where + " answered " + answer.status() + ": " + answer.message());
            return false;
        }
        measurement.metric("heartbeat_ms", answer.nanos() / NANOS_PER_MS, "ms");
        JsonNode beat = answer.json().path("nanosecond heartbeat");
        if (beat.canConvertToLong()) {
            // The server read its clock about half-way through the round trip.
            double local = answer.wallMillisAtSend() + answer.nanos() / NANOS_PER_MS / 2;
            measurement.metric("clock_offset_ms", beat.asLong() / NANOS_PER_MS - local, "ms");
        } else {
            measurement.error(ErrorKind.PROTOCOL, where
                    + " answered without \"nanosecond heartbeat\": is this Chroma?");
        }
        return true;
    }

    /** Why the v2 heartbeat is missing, told by what the server says on v1. */
    private static String whyNoV2(ChromaApi api) {
        ChromaApi.Answer v1 = api.get("/api/v1/heartbeat");
        if (v1.status() == 410) {
            return "yet GET /api/v1/heartbeat answered 410 Gone (\"" + v1.message() + "\"): this server only speaks"
                    + " the v2 API, so its v2 paths are not under " + api.base() + "; give the service the url of"
                    + " Chroma's root (no path), or of a proxy that forwards /api/v2";
        }
        if (v1.status() == 200) {
            return "this is an older Chroma that only speaks the v1 API, and Cluster Bench uses the v2 API of"
                    + " current Chroma servers; upgrade Chroma";
        }
        return "is " + api.base() + " the root of a Chroma server?";
    }

    /** GET {@code /api/v2/version}: a JSON string, kept as the label of {@code version_info}. */
    private static void version(ChromaApi api, String serviceId, MeasurementBuilder measurement) {
        ChromaApi.Answer answer = api.get("/api/v2/version");
        JsonNode version = answer.json();
        if (answer.status() == 200 && version.isTextual()) {
            measurement.metrics(List.of(new MetricValue("version_info", 1, "info",
                    Map.of("version", version.asText()))));
        } else if (answer.status() == 401 || answer.status() == 403) {
            measurement.error(ErrorKind.AUTH, "GET " + api.base() + "/api/v2/version answered " + answer.status() + ": "
                    + answer.message() + "; set or correct the token of service " + serviceId);
        } else if (answer.answered()) {
            measurement.error(ErrorKind.HTTP_STATUS, "GET " + api.base() + "/api/v2/version answered " + answer.status()
                    + ": " + answer.message());
        } else {
            measurement.error(answer.errorKind(), answer.errorMessage());
        }
    }

    /**
     * The warm-up (queries for {@code warmup}, on the same client and its connections, reported apart), then
     * {@code queries} queries, one after another, each with a new random unit vector of the collection's size.
     */
    private static void query(ProbeContext context, ChromaApi api, ChromaCollection collection,
            Parameters parameters, MeasurementBuilder measurement) {
        long queries = ChromaDescriptor.QUERIES.in(parameters);
        Duration warmup = ChromaDescriptor.WARMUP.in(parameters);
        Queries sender = new Queries(api, collection, ChromaDescriptor.N_RESULTS.in(parameters), measurement);
        context.progress().expect(queries);
        Tally warm = new Tally();
        Tally measured = new Tally();
        TimelineSampler timeline = TimelineSampler.start(context.clock(), "clusterbench-chroma-"
                + context.probe().id() + "-timeline", warmup.isZero() ? null : warm.timeline, measured.timeline);
        if (!warmup.isZero()) {
            long started = System.nanoTime();
            long end = started + warmup.toNanos();
            while (System.nanoTime() - end < 0 && !context.stop().raised()) {
                sender.send(warm);
            }
            warm.publishWarmup(measurement, (System.nanoTime() - started) / 1e9);
        }
        // The warm-up's last query has been answered: the measured part begins now.
        timeline.measuringFrom(System.nanoTime());
        try {
            measure(context, sender, measured, queries);
        } finally {
            measurement.timeline(timeline.finish());
        }
        measurement.latency("query", "query_", measured.micros);
        measurement.metric("queries_completed", measured.completed, "count");
        measurement.metric("queries_failed", measured.failed, "count");
    }

    private static void measure(ProbeContext context, Queries sender, Tally measured, long queries) {
        for (long i = 0; i < queries && !context.stop().raised(); i++) {
            boolean answered = sender.send(measured);
            context.progress().completed();
            if (!answered) {
                context.progress().failed();
            }
        }
    }

    /** What one phase of the queries got: latencies of those answered 200, and counts, also second by second. */
    private static final class Tally {
        private final Histogram micros = new Histogram(HIGHEST_MICROS, 3);
        /** The queries are sent from the probe's one thread. */
        private final TimelineRecorder timeline = TimelineRecorder.forOneThread();
        private long completed;
        private long failed;

        void publishWarmup(MeasurementBuilder measurement, double seconds) {
            measurement.metrics(WarmupMetrics.of("queries", completed + failed, failed, seconds, micros));
        }
    }

    /** Sends queries with fresh random vectors and counts each answer in the tally of its phase. */
    private record Queries(ChromaApi api, String path, long results, QueryVectors vectors,
            MeasurementBuilder measurement) {

        Queries(ChromaApi api, ChromaCollection collection, long results, MeasurementBuilder measurement) {
            this(api, collection.path() + "/query", results, new QueryVectors(collection.dimension()), measurement);
        }

        /** One query; true when answered 200. Other answers and failures are logged as errors, in any phase. */
        boolean send(Tally tally) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.putArray("query_embeddings").add(vectors.next());
            body.put("n_results", results);
            tally.timeline.offered(1);
            ChromaApi.Answer answer = api.post(path, body);
            if (answer.status() == 200) {
                tally.timeline.achieved(answer.nanos(), 1);
                tally.micros.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, answer.nanos() / 1000)));
                tally.completed++;
                return true;
            }
            tally.failed++;
            tally.timeline.failed(1);
            if (answer.answered()) {
                ErrorKind kind = answer.status() == 401 || answer.status() == 403
                        ? ErrorKind.AUTH : ErrorKind.HTTP_STATUS;
                measurement.error(kind, "POST " + api.base() + path + " answered " + answer.status() + ": "
                        + answer.message());
            } else {
                measurement.error(answer.errorKind(), answer.errorMessage());
            }
            return false;
        }
    }
}
