package io.clusterbench.spec;

import io.clusterbench.spec.ParameterTable.RuleKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The http probe: one request repeated in the open model ({@code rate}) or the closed model ({@code concurrency}). */
public final class HttpDescriptor implements ProbeDescriptor {

    public static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    /**
     * A request a microsecond: the schedule is kept in whole nanoseconds and a single thread starts every request,
     * so faster rates are not what would be sent.
     */
    public static final Parameter<Double> RATE = Parameter.real("rate", new Range(0, false, 1_000_000, true))
            .unit("req/s");
    /** A thread and a connection each; past this the machine running the probe measures its own scheduler. */
    public static final Parameter<Long> CONCURRENCY = Parameter.whole("concurrency", 1, 10_000)
            .unit("connections");
    /** Steps or a ramp of rate or concurrency instead of one of them; it sets its own length (docs/probes.md). */
    public static final Parameter<LoadProfile> PROFILE = Parameter.profile("profile", new ParameterType.Profile(
            List.of("rate", "concurrency"), List.of(((ParameterType.Real) RATE.type()).range(), new Range(1, true,
                    10_000, true)), List.of("concurrency"), true));
    public static final Parameter<Duration> DURATION = Parameter.length("duration").byDefault(Duration.ofSeconds(10));
    public static final Parameter<Long> REQUESTS = Parameter.whole("requests", 1, Long.MAX_VALUE);
    /**
     * Requests on the same connections, at the same rate or concurrency, before the measured part: the connections
     * (and TLS sessions) open and the client's request path is compiled by the JIT in the first 10^3 to 10^4
     * requests, which a closed load sends within a second; it adds one second per probe.
     */
    public static final Parameter<Duration> WARMUP = Parameter.lengthOrZero("warmup").byDefault(Duration.ofSeconds(1));
    public static final Parameter<String> METHOD = Parameter.text("method", new ParameterType.Choice(METHODS))
            .byDefault("GET");
    public static final Parameter<Map<String, String>> HEADERS = Parameter.map("headers",
            new ParameterType.TextMap(HEADER, "an HTTP header name"));
    public static final Parameter<String> BODY = Parameter.text("body", ParameterType.Text.any())
            .byDefaultSaid("empty");
    public static final Parameter<Long> EXPECT_STATUS = Parameter.whole("expectStatus", 100, 599)
            .byDefaultSaid("any 2xx");
    public static final Parameter<Duration> TIMEOUT = Parameter.length("timeout").byDefault(Duration.ofSeconds(5));
    public static final Parameter<String> CAPACITY = CapacityParameters.knob("rate", "concurrency");

    private static final ParameterTable TABLE = ParameterTable.builder()
            .add(RATE, CONCURRENCY, PROFILE, DURATION, REQUESTS, WARMUP, LoadParameters.ROUNDS, METHOD, HEADERS, BODY,
                    EXPECT_STATUS, TIMEOUT, CAPACITY, CapacityParameters.SLO, CapacityParameters.PRECISION,
                    CapacityParameters.BUDGET, CapacityParameters.MAX)
            .rule(RuleKind.EXACTLY_ONE, "rate", "concurrency", "profile")
            .rule(RuleKind.AT_MOST_ONE, "duration", "requests", "profile").build();

    @Override
    public String word() {
        return "http";
    }

    @Override
    public ParameterTable parameters() {
        return TABLE;
    }

    @Override
    public MetricNames metrics(ProbeSpec probe) {
        MetricNames.Builder names = MetricNames.builder().latency("")
                .name("requests", "responses", "requests_per_s", "success_per_s", "errors", "error_pct",
                        "status_2xx", "status_3xx", "status_4xx", "status_5xx")
                .pattern("status_", "[1-5][0-9][0-9]", "NNN", "")
                .warmup("requests");
        boolean open = probe.parameters().has(RATE.name());
        Optional<LoadProfile> written = PROFILE.optionalIn(probe.parameters());
        if (written.isPresent() && written.get().continuous()) {
            open = true;
        } else if (written.isPresent()) {
            LoadProfile profile = written.get();
            open = profile.knob().equals(RATE.name());
            List<String> perStep = new java.util.ArrayList<>(List.of(profile.knob(), "s", "requests", "responses",
                    "requests_per_s", "errors", "error_pct"));
            perStep.addAll(MetricNames.LATENCY_STATS);
            if (open) {
                perStep.addAll(List.of("sent_per_s", "late_requests"));
            }
            for (int step = 1; step <= profile.levels().size(); step++) {
                names.names("step" + step + ".", perStep);
            }
        }
        if (open) {
            names.name("sent_per_s", "late_requests", "generator_late");
        }
        return CapacityParameters.addMetrics(names, probe).build();
    }
}
