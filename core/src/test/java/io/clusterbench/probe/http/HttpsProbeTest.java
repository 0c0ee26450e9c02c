package io.clusterbench.probe.http;

import static io.clusterbench.probe.http.ProbeRun.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalCertificateAuthority;
import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.local.NginxTls;
import io.clusterbench.local.ServedRequest;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The http probe over TLS against a real nginx whose certificate a private CA of the test signed, trusted the way a
 * user trusts one: the service's {@code caFile}. What nginx logged shows what happened on the wire.
 */
class HttpsProbeTest {

    /** Larger than a TLS record (16 KiB), so that one answer spans many records and reads end inside one. */
    private static final int LARGE_BYTES = 200_000;

    @TempDir
    static Path dir;

    private static LocalCertificateAuthority ca;
    private static LocalNginxBalancer nginx;

    @BeforeAll
    static void start() throws Exception {
        ca = LocalCertificateAuthority.create(dir.resolve("ca"), "Cluster Bench test CA");
        nginx = LocalNginxBalancer.start(dir.resolve("nginx"),
                NginxTls.of(ca.issue("server", List.of("127.0.0.1", "localhost"))));
        Files.writeString(nginx.documentRoot().resolve("small.txt"), "small\n");
        Files.writeString(nginx.documentRoot().resolve("large.txt"), "x".repeat(LARGE_BYTES - 1) + "\n");
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/files/small.txt", "/files/large.txt", "/chunked/small.txt", "/chunked/large.txt"})
    void closedModelMeasuresEveryAnswerOnKeptAliveTlsConnections(String path) throws Exception {
        String target = path + "?run=" + UUID.randomUUID();

        ProbeMeasurement measurement = ProbeRun.coldTrusting(ca.certificateFile(), nginx.httpsUrl() + target,
                "concurrency: 3, requests: 60").run();

        assertThat(measurement.errors()).isEmpty();
        assertThat(measurement.status()).isEqualTo(ProbeStatus.OK);
        assertThat(measurement.target()).isEqualTo(nginx.httpsUrl() + target);
        assertThat(value(measurement, "responses")).isEqualTo(60);
        assertThat(value(measurement, "status_200")).isEqualTo(60);
        List<ServedRequest> served = servedFor(target);
        assertThat(served).hasSize(60).allSatisfy(request -> {
            assertThat(request.tlsProtocol()).isEqualTo("TLSv1.3");
            assertThat(request.chunked()).isEqualTo(path.startsWith("/chunked/"));
        });
        assertThat(served.stream().mapToLong(ServedRequest::connection).distinct().count())
                .as("three connections, each kept for the whole run").isEqualTo(3);
    }

    @Test
    void openModelMeasuresAChunkedAnswerSpanningManyRecords() throws Exception {
        String target = "/chunked/large.txt?run=" + UUID.randomUUID();

        ProbeMeasurement measurement = ProbeRun.coldTrusting(ca.certificateFile(), nginx.httpsUrl() + target,
                "rate: 100, requests: 50").run();

        assertThat(measurement.errors()).isEmpty();
        assertThat(measurement.status()).isEqualTo(ProbeStatus.OK);
        assertThat(value(measurement, "status_200")).isEqualTo(50);
        List<ServedRequest> served = servedFor(target);
        assertThat(served).hasSize(50).allSatisfy(request -> assertThat(request.chunked()).isTrue());
        assertThat(served.stream().mapToLong(ServedRequest::connection).distinct().count())
                .as("idle connections are used again").isLessThan(50);
    }

    @Test
    void anAnswerEndedByTheCloseIsCompleteOnceTheServerSaysCloseNotify() throws Exception {
        String target = "/to-close/large.txt?run=" + UUID.randomUUID();

        ProbeMeasurement measurement = ProbeRun.coldTrusting(ca.certificateFile(), nginx.httpsUrl() + target,
                "concurrency: 2, requests: 20").run();

        assertThat(measurement.errors()).isEmpty();
        assertThat(value(measurement, "status_200")).isEqualTo(20);
        List<ServedRequest> served = servedFor(target);
        assertThat(served).hasSize(20).allSatisfy(request -> {
            assertThat(request.contentLength()).isEmpty();
            assertThat(request.chunked()).isFalse();
            assertThat(request.bodyBytes()).isEqualTo(LARGE_BYTES);
        });
        assertThat(served.stream().mapToLong(ServedRequest::connection).distinct().count())
                .as("a new connection per answer").isEqualTo(20);
    }

    @Test
    void speaksTls12ToAServerThatOffersNothingNewer(@TempDir Path own) throws Exception {
        NginxTls tls12 = NginxTls.of(ca.issue("tls12", List.of("127.0.0.1"))).only("TLSv1.2");
        try (LocalNginxBalancer older = LocalNginxBalancer.start(own, tls12)) {
            Files.writeString(older.documentRoot().resolve("large.txt"), "y".repeat(LARGE_BYTES));

            ProbeMeasurement measurement = ProbeRun.coldTrusting(ca.certificateFile(),
                    older.httpsUrl() + "/chunked/large.txt", "concurrency: 2, requests: 20").run();

            assertThat(measurement.errors()).isEmpty();
            assertThat(value(measurement, "status_200")).isEqualTo(20);
            assertThat(older.servedOverTls()).hasSize(20)
                    .allSatisfy(request -> assertThat(request.tlsProtocol()).isEqualTo("TLSv1.2"));
        }
    }

    @Test
    void aCertificateOfAnUntrustedCaIsATlsErrorThatSaysSo(@TempDir Path other) throws Exception {
        LocalCertificateAuthority stranger = LocalCertificateAuthority.create(other, "Some other CA");
        ProbeMeasurement measurement = ProbeRun.coldTrusting(stranger.certificateFile(), nginx.httpsUrl() + "/",
                "concurrency: 2, requests: 4").run();

        assertThat(measurement.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(measurement.metrics()).isEmpty();
        ProbeError error = singleTlsError(measurement, 4);
        assertThat(error.message()).startsWith("TLS handshake with 127.0.0.1:" + nginx.tlsPort() + " (service web)")
                .contains("not signed by a CA in caFile " + stranger.certificateFile());
    }

    @Test
    void withoutCaFileAPrivateCaIsCheckedAgainstTheJvmTrustStoreAndRefused() throws Exception {
        ProbeMeasurement measurement = ProbeRun.cold(nginx.httpsUrl() + "/", "concurrency: 1, requests: 3").run();

        assertThat(measurement.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(singleTlsError(measurement, 3).message())
                .contains("not signed by a CA in this JVM's trust store")
                .contains("caFile");
    }

    @Test
    void aCertificateForAnotherNameIsATlsErrorThatNamesTheHost(@TempDir Path own) throws Exception {
        NginxTls elsewhere = NginxTls.of(ca.issue("elsewhere", List.of("elsewhere.example")));
        try (LocalNginxBalancer wrongName = LocalNginxBalancer.start(own, elsewhere)) {
            ProbeMeasurement measurement = ProbeRun.coldTrusting(ca.certificateFile(), wrongName.httpsUrl() + "/",
                    "rate: 20, requests: 3").run();

            assertThat(measurement.status()).isEqualTo(ProbeStatus.FAILED);
            assertThat(singleTlsError(measurement, 3).message())
                    .contains("is not valid for 127.0.0.1")
                    .contains("url");
            assertThat(wrongName.servedOverTls()).as("no request was sent").isEmpty();
        }
    }

    @Test
    void aCaFileThatCannotBeReadFailsTheProbeBeforeAnyRequest(@TempDir Path empty) throws Exception {
        Path missing = empty.resolve("no-such-ca.pem");
        Path notPem = Files.writeString(empty.resolve("not.pem"), "just text\n");

        ProbeMeasurement absent = ProbeRun.coldTrusting(missing, nginx.httpsUrl() + "/", "concurrency: 1, requests: 5").run();
        ProbeMeasurement text = ProbeRun.coldTrusting(notPem, nginx.httpsUrl() + "/", "concurrency: 1, requests: 5").run();

        assertThat(absent.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(absent.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.SPEC);
            assertThat(error.message()).startsWith("service web (cluster.yaml:3:")
                    .contains("cannot read caFile " + missing).contains("check the path");
        });
        assertThat(text.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.SPEC);
            assertThat(error.message()).contains("caFile " + notPem).contains("BEGIN CERTIFICATE");
        });
    }

    private static ProbeError singleTlsError(ProbeMeasurement measurement, long count) {
        assertThat(measurement.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.TLS);
            assertThat(error.count()).isEqualTo(count);
            assertThat(error.message()).contains("service web").doesNotContain("\n").doesNotContain("Exception");
        });
        return measurement.errors().get(0);
    }

    private static List<ServedRequest> servedFor(String target) throws Exception {
        return nginx.servedOverTls().stream().filter(request -> request.uri().equals(target)).toList();
    }
}
