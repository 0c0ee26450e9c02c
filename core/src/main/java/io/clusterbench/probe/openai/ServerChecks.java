package io.clusterbench.probe.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterbench.probe.MeasurementBuilder;
import io.clusterbench.result.ErrorKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The checks before the load: is the server up ({@code /health}) and does it serve the model ({@code /v1/models}). */
final class ServerChecks {
    private static final double NANOS_PER_MS = 1e6;

    private ServerChecks() {
    }

    /**
     * GET {@code /health}: 200 records {@code health_ms}; 503 (vLLM's dead engine) or another status is an error;
     * 404 means the server has no health endpoint (not every OpenAI-compatible server has one) and records nothing.
     *
     * @return false when the server could not be reached at all, so the probe should stop here
     */
    static boolean health(ServerApi api, MeasurementBuilder measurement) {
        ServerApi.Answer answer = api.get("/health");
        if (!answer.answered()) {
            measurement.error(answer.errorKind(), answer.errorMessage());
            return answer.errorKind() != ErrorKind.UNREACHABLE;
        }
        if (answer.status() == 200) {
            measurement.metric("health_ms", answer.nanos() / NANOS_PER_MS, "ms");
        } else if (answer.status() == 503) {
            measurement.error(ErrorKind.HTTP_STATUS, "GET " + api.url("/health")
                    + " answered 503: vLLM's engine is dead"
                    + " or not ready (" + ErrorBodies.message(answer.body()) + "); see the server's log and restart it");
        } else if (answer.status() != 404) {
            measurement.error(answer.status() == 401 || answer.status() == 403 ? ErrorKind.AUTH : ErrorKind.HTTP_STATUS,
                    "GET " + api.url("/health") + " answered " + answer.status() + ": "
                            + ErrorBodies.message(answer.body()));
        }
        return true;
    }

    /**
     * GET {@code /v1/models} and pick the model: the service's {@code model} if the server lists it, else (no
     * {@code model} given) the first listed, as vLLM bench does. Records why not otherwise.
     *
     * @return the model to send, or empty after recording an error: the load must not start
     */
    static Optional<String> model(ServerApi api, Optional<String> wanted, String serviceId,
            MeasurementBuilder measurement) {
        ServerApi.Answer answer = api.get("/v1/models");
        String where = "GET " + api.url("/v1/models");
        if (!answer.answered()) {
            measurement.error(answer.errorKind(), answer.errorMessage());
            return Optional.empty();
        }
        if (answer.status() == 401 || answer.status() == 403) {
            measurement.error(ErrorKind.AUTH, where + " answered " + answer.status() + ": "
                    + ErrorBodies.message(answer.body()) + "; set or correct the apiKey of service " + serviceId);
            return Optional.empty();
        }
        if (answer.status() != 200) {
            measurement.error(ErrorKind.HTTP_STATUS, where + " answered " + answer.status() + ": "
                    + ErrorBodies.message(answer.body()) + "; is this an OpenAI-compatible server?");
            return Optional.empty();
        }
        List<String> served = new ArrayList<>();
        try {
            for (JsonNode model : new ObjectMapper().readTree(answer.body()).path("data")) {
                if (model.path("id").isTextual()) {
                    served.add(model.path("id").asText());
                }
            }
        } catch (IOException e) {
            measurement.error(ErrorKind.PROTOCOL, where + " did not answer JSON; is this an OpenAI-compatible server?");
            return Optional.empty();
        }
        if (wanted.isPresent() && served.contains(wanted.get())) {
            return wanted;
        }
        if (wanted.isEmpty() && !served.isEmpty()) {
            return Optional.of(served.get(0));
        }
        measurement.error(ErrorKind.MODEL, wanted.map(name -> "the server does not serve model '" + name + "'")
                .orElse("the server lists no model") + " (" + where + " lists " + served
                + "); set the model of service " + serviceId + " to one it serves");
        return Optional.empty();
    }
}
