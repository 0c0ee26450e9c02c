package io.clusterbench.export;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.control.ExportFormat;
import io.clusterbench.control.PushTarget;
import io.clusterbench.net.AnswerTooLargeException;
import io.clusterbench.net.BoundedHttp;
import io.clusterbench.result.PushReceipt;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.SecretScrubber;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Pushes a run's metrics to a Prometheus Pushgateway, replacing what the cluster's group held ({@code PUT}): the
 * grouping key is {@code job="clusterbench"} and {@code cluster}, so the Pushgateway keeps one run per cluster, the
 * newest, and Prometheus keeps the history (docs/results.md, "Pushing to a Pushgateway").
 *
 * <p>The body is the Prometheus text format 0.0.4, which every Pushgateway takes; it refuses OpenMetrics.
 */
public final class Pushgateway {
    /** The {@code job} of the grouping key, and so the {@code job} label of every pushed series. */
    public static final String JOB = "clusterbench";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    /** A Pushgateway answers a push with nothing or one line of error; more is not worth holding. */
    private static final int ANSWER_CAP_BYTES = 64 * 1024;
    private static final int SHOWN_ANSWER_CHARS = 300;
    /** Label values that read the same in a URL path segment; others go base64url-encoded ({@code cluster@base64}). */
    private static final Pattern PLAIN_SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

    private Pushgateway() {
    }

    /**
     * Pushes the run's metrics ({@link RunMetrics#of}) to the target's group for the run's cluster.
     *
     * @throws ClusterBenchException of kind {@link Kind#CONNECTION} when the Pushgateway cannot be reached or does not
     *     answer in time, {@link Kind#REMOTE} when it refuses the push; the message names the URL without credentials
     *     and says what to do
     */
    public static PushReceipt push(RunResult run, PushTarget target) throws ClusterBenchException {
        MetricSnapshots metrics = RunMetrics.of(run);
        URI uri = URI.create(target.base() + groupingPath(run.cluster()));
        String shown = target.shown() + groupingPath(run.cluster());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(ANSWER_TIMEOUT)
                .header("Content-Type", TextFormats.contentType(ExportFormat.PROMETHEUS))
                .PUT(HttpRequest.BodyPublishers.ofString(TextFormats.write(metrics, ExportFormat.PROMETHEUS),
                        StandardCharsets.UTF_8));
        target.authorization().ifPresent(value -> request.header("Authorization", value));
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        BoundedHttp.Answer answer;
        try {
            answer = BoundedHttp.exchange(client, request.build(), ANSWER_TIMEOUT, ANSWER_CAP_BYTES, () -> false)
                    .orElseThrow();
        } catch (HttpTimeoutException e) {
            throw unreachable(shown, "no answer within " + ANSWER_TIMEOUT.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw unreachable(shown, "connection refused or no route", e);
        } catch (AnswerTooLargeException e) {
            throw new ClusterBenchException(Kind.REMOTE, "the server at " + shown + " answered the push with more than "
                    + ANSWER_CAP_BYTES + " bytes; is the URL a Pushgateway's?", e);
        } catch (IOException e) {
            throw unreachable(shown, e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(shown, "interrupted", e);
        }
        if (answer.status() / 100 != 2) {
            throw refused(shown, answer, target);
        }
        int series = metrics.stream().mapToInt(family -> family.getDataPoints().size()).sum();
        return new PushReceipt(shown, series);
    }

    /**
     * The push path of a cluster's group: {@code /metrics/job/clusterbench/cluster/NAME}, or
     * {@code /metrics/job/clusterbench/cluster@base64/...} when the name has characters a path segment would change.
     */
    public static String groupingPath(String cluster) {
        String segment = PLAIN_SEGMENT.matcher(cluster).matches()
                ? "cluster/" + URLEncoder.encode(cluster, StandardCharsets.UTF_8)
                : "cluster@base64/" + Base64.getUrlEncoder().encodeToString(cluster.getBytes(StandardCharsets.UTF_8));
        return "/metrics/job/" + JOB + "/" + segment;
    }

    private static ClusterBenchException unreachable(String shown, String why, Exception cause) {
        return new ClusterBenchException(Kind.CONNECTION, "cannot push to the Pushgateway at " + shown + " (" + why
                + "): check the URL and that the Pushgateway runs and is reachable from here", cause);
    }

    private static ClusterBenchException refused(String shown, BoundedHttp.Answer answer, PushTarget target) {
        SecretScrubber scrubber = new SecretScrubber();
        target.password().ifPresent(scrubber::add);
        String body = scrubber.scrub(answer.body().strip().replaceAll("\\s+", " "));
        if (body.length() > SHOWN_ANSWER_CHARS) {
            body = body.substring(0, SHOWN_ANSWER_CHARS) + "...";
        }
        String hint = switch (answer.status()) {
            case 401, 403 -> "check the credentials in the URL";
            case 404 -> "check the URL's path: give the Pushgateway's base URL (with its --web.route-prefix, if any)";
            case 400 -> "the Pushgateway refused the metrics; its own metrics of the same names may differ in type or"
                    + " help (see docs/results.md)";
            default -> "see the Pushgateway's log";
        };
        return new ClusterBenchException(Kind.REMOTE, "the Pushgateway at " + shown + " refused the push with HTTP "
                + answer.status() + (body.isEmpty() ? "" : " (" + body + ")") + ": " + hint);
    }
}
