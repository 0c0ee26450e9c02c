package io.clusterbench.probe.promql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterbench.result.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The samples of one instant query, read from Prometheus' JSON envelope
 * ({@code {"status":"success","data":{"resultType":...,"result":...},"warnings":[...]}}).
 *
 * @param resultType {@code vector} or {@code scalar}
 * @param samples one per series of a vector (none for an empty vector), exactly one for a scalar
 * @param warnings what Prometheus warned about, such as a partial answer
 */
record InstantResult(String resultType, List<Sample> samples, List<String> warnings) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SNIPPET = 200;

    /**
     * One sample: a series' labels and its value, which may be NaN or infinite.
     *
     * @param labels the series labels, {@code __name__} included when Prometheus kept it; empty for a scalar
     * @param value the value as Prometheus wrote it, parsed
     */
    record Sample(Map<String, String> labels, double value) {
        Sample {
            labels = Map.copyOf(labels);
        }
    }

    InstantResult {
        samples = List.copyOf(samples);
        warnings = List.copyOf(warnings);
    }

    /**
     * Reads an answer, or says why it holds no samples: Prometheus' own {@code errorType} and {@code error}, an
     * HTTP status from something in front of Prometheus, or a body that is not Prometheus' JSON.
     *
     * @param where how messages name this Prometheus
     */
    static InstantResult parse(int status, String body, String where) throws QueryFailure {
        JsonNode root = readJson(body);
        if (root == null || !root.isObject() || !root.has("status")) {
            throw notPrometheus(status, body, where);
        }
        if (!"success".equals(root.path("status").asText())) {
            throw refused(status, root, where);
        }
        List<String> warnings = new ArrayList<>();
        root.path("warnings").forEach(w -> warnings.add(w.asText()));
        JsonNode data = root.path("data");
        String type = data.path("resultType").asText("");
        JsonNode result = data.path("result");
        List<Sample> samples = new ArrayList<>();
        switch (type) {
            case "vector" -> {
                if (!result.isArray()) {
                    throw malformed(where, "a vector result that is not a list");
                }
                for (JsonNode series : result) {
                    samples.add(new Sample(labels(series.path("metric")), value(series.path("value"), where)));
                }
            }
            case "scalar" -> samples.add(new Sample(Map.of(), value(result, where)));
            case "matrix" -> throw QueryFailure.of(ErrorKind.QUERY, where
                    + " returned a range vector (matrix): an instant"
                    + " query must give one value per series: wrap the range selector in a function such as"
                    + " avg_over_time(...) or rate(...)");
            case "string" -> throw QueryFailure.of(ErrorKind.QUERY, where + " returned a string, not a number: use an"
                    + " expression that gives a number");
            default -> throw malformed(where, "an unknown resultType '" + type + "'");
        }
        return new InstantResult(type, samples, warnings);
    }

    /**
     * A sample value: Prometheus writes values as strings so that it can write {@code NaN}, {@code +Inf} and
     * {@code -Inf}; Java's parser knows NaN but not the infinities in that spelling.
     */
    static double parseValue(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static double value(JsonNode pair, String where) throws QueryFailure {
        if (!pair.isArray() || pair.size() != 2) {
            throw malformed(where, "a sample that is not [time, \"value\"]");
        }
        try {
            return parseValue(pair.get(1).asText());
        } catch (NumberFormatException e) {
            throw malformed(where, "the sample value '" + pair.get(1).asText() + "'");
        }
    }

    private static Map<String, String> labels(JsonNode metric) {
        Map<String, String> labels = new TreeMap<>();
        metric.properties().forEach(field -> labels.put(field.getKey(), field.getValue().asText()));
        return labels;
    }

    private static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Prometheus' own refusal: {@code errorType} (bad_data, execution, timeout, canceled, ...) and {@code error}. */
    private static QueryFailure refused(int status, JsonNode root, String where) {
        String errorType = root.path("errorType").asText("unknown");
        String error = root.path("error").asText("(no message)");
        String advice = switch (errorType) {
            case "bad_data" -> "fix the expression in the spec";
            case "execution" -> "the expression could not be evaluated: check it against the metrics Prometheus has";
            case "timeout", "canceled" -> "simplify the query or raise Prometheus' --query.timeout";
            case "unavailable" -> "Prometheus is not ready: check that it has started";
            default -> "check Prometheus' log";
        };
        ErrorKind kind = errorType.equals("timeout") || errorType.equals("canceled")
                ? ErrorKind.TIMEOUT : ErrorKind.QUERY;
        return QueryFailure.of(kind, where + " refused the query: HTTP " + status + ", errorType " + errorType + ": "
                + error + ": " + advice);
    }

    private static QueryFailure notPrometheus(int status, String body, String where) {
        if (status == 401 || status == 403) {
            return QueryFailure.fatal(ErrorKind.AUTH, where + " answered HTTP " + status + " (" + snippet(body)
                    + "): set the" + " service's token (sent as a bearer token) or check that it is still valid");
        }
        if (status < 200 || status > 299) {
            return QueryFailure.of(ErrorKind.HTTP_STATUS, where + " answered HTTP " + status + " (" + snippet(body)
                    + "): check that the url points at Prometheus (a proxy in front may answer instead)");
        }
        return QueryFailure.of(ErrorKind.PROTOCOL, where + " answered HTTP " + status + " with a body that is not"
                + " Prometheus' JSON (" + snippet(body) + "): check that the url points at Prometheus");
    }

    private static QueryFailure malformed(String where, String what) {
        return QueryFailure.of(ErrorKind.PROTOCOL, where + " answered with " + what
                + ": is this a Prometheus-compatible" + " server?");
    }

    private static String snippet(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            return "empty body";
        }
        return line.length() <= SNIPPET ? line : line.substring(0, SNIPPET) + "...";
    }
}
