package io.clusterbench.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.control.PushTarget;
import io.clusterbench.local.LocalPushgateway;
import io.clusterbench.local.LocalServerException;
import io.clusterbench.result.PushReceipt;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials in the push URL, against a real Pushgateway that asks for HTTP basic authentication. */
class PushgatewayAuthTest {
    private static final String USER = "ci";
    private static final String PASSWORD = "s3cret-pw";

    @TempDir
    static Path serverDir;

    private static LocalPushgateway pushgateway;

    @BeforeAll
    static void startAGatewayThatAsksForAPassword() throws LocalServerException {
        byte[] salt = "sixteen byte slt".getBytes(StandardCharsets.US_ASCII);
        // Cost 4, bcrypt's least: the hash only has to be valid, not slow to crack.
        String hash = OpenBSDBCrypt.generate("2a", PASSWORD.toCharArray(), salt, 4);
        pushgateway = LocalPushgateway.startWithBasicAuth(serverDir.resolve("pushgateway"), USER, hash);
    }

    @AfterAll
    static void stop() {
        if (pushgateway != null) {
            pushgateway.close();
        }
    }

    @Test
    void sendsTheCredentialsOfTheUrlAsBasicAuthenticationAndShowsNone() throws Exception {
        String url = "http://" + USER + ":" + PASSWORD + "@" + pushgateway.target();

        PushReceipt receipt = Pushgateway.push(ExportedRuns.tunedRun("authenticated", "run-1"),
                PushTarget.parse(url, "--push"));

        assertThat(receipt.url()).isEqualTo("http://***@" + pushgateway.target()
                + "/metrics/job/clusterbench/cluster/authenticated").doesNotContain(PASSWORD);
        String authorization = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(pushgateway.url() + "/metrics")).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("clusterbench_score{cluster=\"authenticated\"");
    }

    @Test
    void aWrongPasswordIsARefusalThatSaysToCheckTheCredentialsAndNeverShowsThem() {
        String url = "http://" + USER + ":wrong-password@" + pushgateway.target();

        assertThatThrownBy(() -> Pushgateway.push(ExportedRuns.tunedRun("refused", "run-1"),
                PushTarget.parse(url, "--push")))
                .isInstanceOfSatisfying(ClusterBenchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REMOTE))
                .hasMessageContaining("http://***@" + pushgateway.target())
                .hasMessageContaining("refused the push with HTTP 401")
                .hasMessageContaining("check the credentials in the URL")
                .message().doesNotContain("wrong-password");
    }

    @Test
    void noCredentialsAtAllIsTheSameRefusal() {
        assertThatThrownBy(() -> Pushgateway.push(ExportedRuns.tunedRun("anonymous", "run-1"),
                PushTarget.parse(pushgateway.url(), "--push")))
                .hasMessageContaining("refused the push with HTTP 401");
    }
}
