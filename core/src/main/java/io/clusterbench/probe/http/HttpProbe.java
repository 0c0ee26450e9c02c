package io.clusterbench.probe.http;

import io.clusterbench.probe.MeasurementBuilder;
import io.clusterbench.probe.Probe;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.probe.TimelineSampler;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.spec.HttpDescriptor;
import io.clusterbench.spec.LoadProfile;
import io.clusterbench.spec.Parameters;
import io.clusterbench.spec.ServiceSpec;
import io.clusterbench.spec.SpecPaths;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Loads an HTTP endpoint (the service's {@code url}) and measures latency, throughput, statuses and errors, in the
 * open model ({@code rate}: a fixed arrival rate, latency from each request's intended start, as wrk2) or the
 * closed model ({@code concurrency}: that many connections, each sending its next request when the previous
 * answer arrived). Metrics are documented in docs/probes.md.
 */
public final class HttpProbe implements Probe {
    /** The http service's option naming the CA certificates its https url is checked against (docs/spec.md). */
    private static final String CA_FILE = "caFile";
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
        Optional<Long> expect = HttpDescriptor.EXPECT_STATUS.optionalIn(parameters);
        RequestPlan plan = RequestPlan.of(service.id(), url, HttpDescriptor.METHOD.in(parameters),
                HttpDescriptor.HEADERS.optionalIn(parameters).orElse(Map.of()),
                HttpDescriptor.BODY.optionalIn(parameters).orElse(""),
                expect.map(status -> OptionalInt.of(status.intValue())).orElse(OptionalInt.empty()),
                HttpDescriptor.TIMEOUT.in(parameters));
        Optional<Long> requests = HttpDescriptor.REQUESTS.optionalIn(parameters);
        LoadLimit limit = new LoadLimit(requests.map(OptionalLong::of).orElse(OptionalLong.empty()),
                HttpDescriptor.DURATION.in(parameters));
        limit.requests().ifPresent(context.progress()::expect);

        MeasurementBuilder measurement = context.measure(plan.target());
        Optional<Path> caFile = service.option(CA_FILE).map(Path::of).map(SpecPaths::expandHome);
        if (plan.tls() && caFile.isPresent()) {
            try {
                plan = plan.trusting(TlsTrust.fromCaFile(caFile.get()));
            } catch (TlsTrust.CaFileException e) {
                // Read once, before any load: a file that is missing here fails the probe, not each request.
                return measurement.fail(ErrorKind.SPEC, "service " + service.id() + " (" + service.location()
                        + "): " + e.getMessage());
            }
        }
        Tally tally = new Tally(plan, measurement, context.progress());
        Tally warmupTally = Tally.warmup(plan, measurement);
        Duration warmup = HttpDescriptor.WARMUP.in(parameters);
        String threadName = "clusterbench-http-" + context.probe().id();
        Optional<Double> rate = HttpDescriptor.RATE.optionalIn(parameters);
        TimelineSampler timeline = TimelineSampler.start(context.clock(), threadName + "-timeline",
                warmup.isZero() ? null : warmupTally, tally);
        Optional<LoadProfile> profile = HttpDescriptor.PROFILE.optionalIn(parameters);
        // Validation allows exactly one of rate, concurrency and profile, and keeps concurrency within an int.
        // A profile's levels hand every event on to the whole load's tally, which the timeline samples.
        LoadTimes times = profile.isPresent()
                ? new ProfiledLoad(plan, profile.get(), warmup, maxInFlight, tally, warmupTally, measurement,
                        context.stop(), threadName).run(timeline)
                : rate.isPresent()
                ? new OpenLoad(plan, rate.get(), limit, warmup, maxInFlight, tally, warmupTally, context.stop(),
                        threadName).run(timeline)
                : new ClosedLoad(plan, Math.toIntExact(HttpDescriptor.CONCURRENCY.in(parameters)),
                        limit, warmup, tally, warmupTally, context.stop(), threadName).run(timeline);
        measurement.timeline(timeline.finish());
        tally.publish(times.elapsedSeconds(), times.sendingSeconds());
        // Only a service that answered has metrics: a dead one stays FAILED, with nothing but its errors.
        if (!warmup.isZero() && (tally.answered() || warmupTally.answered())) {
            warmupTally.publishWarmup(times.warmupSeconds());
        }
        return measurement.finish();
    }
}
