package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.TaskListener;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.local.LocalPushgateway;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import io.clusterbench.testkit.RealServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steps' {@code pushGateway}: a step's result.json pushed from the agent's side to a real Pushgateway, and the
 * refusals, which never show a password. What needs Jenkins' own classes (FilePath.act, Secret) runs only in the
 * Jenkins build (*ITest); here the agent's work is called as the callable calls it.
 */
@ExtendWith(RealServers.class)
class PushOnAgentTest {
    private static final String RESULT = "clusterbench/result.json";

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final TaskListener listener = new ConsoleOnly(new PrintStream(log, true, StandardCharsets.UTF_8));

    /** The build's console, and nothing else a callable on the agent uses of a listener. */
    private record ConsoleOnly(PrintStream logger) implements TaskListener {
        @Override
        public PrintStream getLogger() {
            return logger;
        }
    }

    @Test
    void pushesTheStepsResultFromTheAgentAndSaysWhere(LocalPushgateway pushgateway, @TempDir Path workspace)
            throws Exception {
        writeResult(workspace);

        String line = PushOnAgent.push(pushgateway.url(), workspace, RESULT);

        assertThat(line).matches("Pushed \\d+ series of " + RESULT + " to " + pushgateway.url()
                + "/metrics/job/clusterbench/cluster/plugin-test");
        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pushgateway.url()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("clusterbench_metric{cluster=\"plugin-test\",instance=\"\",job=\"clusterbench\","
                + "metric=\"ops_per_s\",probe=\"cache\",run_id=\"plugin-run\",unit=\"ops/s\"} 1234");
    }

    @Test
    void withoutAPushgatewayNothingIsPushedOrPrinted() throws Exception {
        // No workspace: without a pushGateway the agent is never asked.
        String problem = PushOnAgent.pushIfAsked(new AssertScoreStep("cluster.yaml"), RESULT, null, listener);

        assertThat(problem).isNull();
        assertThat(console()).isEmpty();
    }

    @Test
    void anUnreachablePushgatewayIsAProblemThatNeverShowsThePassword(@TempDir Path workspace) throws Exception {
        writeResult(workspace);
        String url = "http://jenkins:hunter2-pw@127.0.0.1:" + closedPort();

        assertThatThrownBy(() -> PushOnAgent.push(url, workspace, RESULT))
                .isInstanceOfSatisfying(ClusterBenchException.class,
                        e -> assertThat(e.kind()).isEqualTo(ClusterBenchException.Kind.CONNECTION))
                .hasMessageStartingWith("cannot push to the Pushgateway at http://***@127.0.0.1:")
                .message().doesNotContain("hunter2");
    }

    @Test
    void aStepRefusesAPushGatewayThatIsNoUrlWithoutQuotingIt() {
        BenchmarkClusterStep step = new BenchmarkClusterStep("cluster.yaml");
        step.setPushGateway("ftp://jenkins:hunter2-pw@gateway");

        assertThat(step.pushGatewayProblem()).isEqualTo("pushGateway must be an http:// or https:// URL, such as"
                + " http://pushgateway:9091").doesNotContain("hunter2");
        step.setPushGateway("  ");
        assertThat(step.getPushGateway()).isNull();
        assertThat(step.pushGatewayProblem()).isNull();
    }

    private String console() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private static void writeResult(Path workspace) throws Exception {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        ProbeMeasurement probe = new ProbeMeasurement("cache", "redis", "redis://127.0.0.1:6379", ProbeStatus.OK,
                start, start.plusSeconds(1), List.of(MetricValue.of("ops_per_s", 1234, "ops/s")), List.of(),
                List.of());
        ResultFiles.write(new RunResult(RunResult.SCHEMA_VERSION, "plugin-run", "plugin-test", "cluster.yaml",
                "0".repeat(64), new ToolInfo("clusterbench", "dev", "17", "h", "Linux"), start, start.plusSeconds(2),
                List.of(), List.of(probe)), workspace.resolve(RESULT));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
