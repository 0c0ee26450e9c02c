package io.clusterbench.probe.http;

import io.clusterbench.probe.MeasurementBuilder;
import io.clusterbench.probe.Probe;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.spec.Parameters;
import io.clusterbench.spec.ServiceSpec;
import java.net.URI;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Loads an HTTP endpoint (the service's {@code url}) and measures latency, throughput, statuses and errors, in the
 * open model ({@code rate}: a fixed arrival rate, latency from each request's intended start, as wrk2) or the
 * closed model ({@code concurrency}: that many connections, each sending its next request when the previous
 * answer arrived). Metrics are documented in docs/probes.md.
 */
public final class HttpProbe implements Probe {
    static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final int maxInFlight;

    /** A probe that keeps at most {@value OpenLoad#MAX_IN_FLIGHT} requests in flight in the open model. */
    public HttpProbe() {
        this(OpenLoad.MAX_IN_FLIGHT);
    }

    /** A probe with another bound on the open model's requests in flight, for tests of that bound. */
    HttpProbe(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    @Override
    public ProbeMeasurement run(ProbeContext context) {
        ServiceSpec service = context.service();
        Parameters parameters = context.probe().parameters();
        URI url = service.url().orElse(null);
        if (url == null || url.getHost() == null) {
            // Validation requires a url with a host for http services; this guards specs built by hand.
            return context.measure("-").fail(ErrorKind.SPEC, "service " + service.id() + " has no url with a host;"
                    + " give it url: http://HOST:PORT/PATH");
        }
        OptionalLong expect = parameters.optionalLong("expectStatus");
        RequestPlan plan = RequestPlan.of(service.id(), url, parameters.string("method", "GET"),
                parameters.stringMap("headers"), parameters.string("body", ""),
                expect.isPresent() ? OptionalInt.of((int) expect.getAsLong()) : OptionalInt.empty(),
                parameters.duration("timeout", DEFAULT_TIMEOUT));
        LoadLimit limit = new LoadLimit(parameters.optionalLong("requests"),
                parameters.duration("duration", DEFAULT_DURATION));
        limit.requests().ifPresent(context.progress()::expect);

        MeasurementBuilder measurement = context.measure(plan.target());
        Tally tally = new Tally(plan, measurement, context.progress());
        String threadName = "clusterbench-http-" + context.probe().id();
        OptionalDouble rate = parameters.optionalDouble("rate");
        LoadTimes times = rate.isPresent()
                ? new OpenLoad(plan, rate.getAsDouble(), limit, maxInFlight, tally, context.stop(), threadName).run()
                : new ClosedLoad(plan, (int) Math.min(Integer.MAX_VALUE, parameters.longValue("concurrency", 1)),
                        limit, tally, context.stop(), threadName).run();
        tally.publish(times.elapsedSeconds(), times.sendingSeconds());
        return measurement.finish();
    }
}
