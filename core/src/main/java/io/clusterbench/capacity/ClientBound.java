package io.clusterbench.capacity;

import io.clusterbench.result.Numbers;
import io.clusterbench.spec.SloCondition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Little's law on an open-model step: with {@code clients} connections, each with one batch of {@code pipeline}
 * commands in flight, and a mean service time {@code serviceMs} (from a batch's actual send to its reply, not from its
 * intended time), the generator carries at most {@code clients x pipeline / serviceMs} a second, however fast the
 * server. A rate above about {@value #SHARE} of that bound queues sends behind busy connections, which reads as the
 * server's latency and errors; it is the clients' limit when the service time itself still met the SLO's latency
 * conditions. A server at its limit is not mistaken for it: its queue is in the service time, which then misses them.
 *
 * <p>The probe writes the numbers as {@value #CLIENTS}, {@value #PIPELINE}, {@value #SERVICE_PREFIX}{@code mean_ms}
 * and {@value #AT_MOST}, and its service-time percentiles as {@value #SERVICE_PREFIX} + the SLO's latency metric
 * (such as {@code service.p99_ms} for {@code p99_ms}).
 *
 * @param clients the connections that took part
 * @param pipeline the commands of a batch
 * @param serviceMs the mean service time of a batch
 * @param atMostPerS the bound, as the probe computed it from the same numbers
 */
record ClientBound(double clients, double pipeline, double serviceMs, double atMostPerS) {
    static final String CLIENTS = "clients";
    static final String PIPELINE = "pipeline";
    static final String SERVICE_PREFIX = "service.";
    static final String AT_MOST = "clients_max_per_s";
    /** Above this share of the bound the clients' queues, not the server, hold sends back. */
    static final double SHARE = 0.9;

    /** The step metrics that the rule reads, to keep in the curve: the numbers and the service times an SLO names. */
    static List<String> metricsFor(List<SloCondition> slo) {
        List<String> names = new java.util.ArrayList<>(List.of(CLIENTS, PIPELINE, SERVICE_PREFIX + "mean_ms",
                AT_MOST));
        slo.forEach(c -> names.add(SERVICE_PREFIX + c.metric()));
        return names;
    }

    /**
     * The bound that made {@code load} a client limit, or empty when it did not: the probe wrote no bound, the load is
     * within {@value #SHARE} of it, or the service time missed (or could not be read for) one of the SLO's conditions
     * that it has a counterpart for; an SLO with none of those says nothing of the service time, so no limit is
     * claimed.
     */
    static Optional<ClientBound> limiting(double load, Map<String, Double> metrics, List<SloCondition> slo) {
        Double clients = metrics.get(CLIENTS);
        Double pipeline = metrics.get(PIPELINE);
        Double serviceMs = metrics.get(SERVICE_PREFIX + "mean_ms");
        Double atMost = metrics.get(AT_MOST);
        if (clients == null || pipeline == null || serviceMs == null || atMost == null || load <= SHARE * atMost) {
            return Optional.empty();
        }
        boolean judged = false;
        for (SloCondition condition : slo) {
            Double service = metrics.get(SERVICE_PREFIX + condition.metric());
            if (service != null) {
                if (!condition.holds(service)) {
                    return Optional.empty();
                }
                judged = true;
            }
        }
        return judged ? Optional.of(new ClientBound(clients, pipeline, serviceMs, atMost)) : Optional.empty();
    }

    /** The numbers, as the statement gives them: {@code 1 clients x 1 in flight / 0.2 ms = at most 5000 ops/s}. */
    String text(String unit) {
        return Numbers.estimate(clients) + " clients x " + Numbers.estimate(pipeline) + " in flight / "
                + Numbers.estimate(serviceMs) + " ms = at most " + Numbers.estimate(atMostPerS) + " " + unit;
    }
}
