package io.clusterbench.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The balancer's HTTPS side, checked with the JDK's own client trusting the test's private authority. */
class LocalNginxTlsTest {

    @TempDir
    static Path dir;

    private static LocalCertificateAuthority ca;
    private static LocalNginxBalancer balancer;

    @BeforeAll
    static void startBalancer() throws Exception {
        ca = LocalCertificateAuthority.create(dir.resolve("ca"), "Cluster Bench test CA");
        balancer = LocalNginxBalancer.start(dir.resolve("nginx"),
                NginxTls.of(ca.issue("server", List.of("127.0.0.1", "localhost"))));
        Files.writeString(balancer.documentRoot().resolve("hello.txt"), "hello over TLS\n");
    }

    @AfterAll
    static void stopBalancer() {
        if (balancer != null) {
            balancer.close();
        }
    }

    @Test
    void servesTheBalancerOverHttpsWithTheIssuedCertificate() throws Exception {
        HttpResponse<String> byAddress = get(client(ca.certificateFile()), balancer.httpsUrl() + "/health");
        HttpResponse<String> byName = get(client(ca.certificateFile()),
                "https://localhost:" + balancer.tlsPort() + "/health");

        assertThat(byAddress.statusCode()).isEqualTo(200);
        assertThat(byAddress.body().strip()).isIn(LocalNginxBalancer.UPSTREAM_NAMES);
        assertThat(byName.statusCode()).isEqualTo(200);
        assertThat(balancer.httpsUrl()).isEqualTo("https://127.0.0.1:" + balancer.tlsPort());
        assertThat(balancer.tlsPort()).isNotEqualTo(balancer.port());
    }

    @Test
    void servesFilesWithALengthChunkedAndToTheClose() throws Exception {
        HttpClient client = client(ca.certificateFile());
        for (String framing : List.of("files", "chunked", "to-close")) {
            HttpResponse<String> response = get(client, balancer.httpsUrl() + "/" + framing + "/hello.txt");
            assertThat(response.statusCode()).as(framing).isEqualTo(200);
            assertThat(response.body()).as(framing).isEqualTo("hello over TLS\n");
        }

        List<ServedRequest> served = balancer.servedOverTls().stream()
                .filter(request -> request.uri().endsWith("/hello.txt")).toList();
        assertThat(served).extracting(ServedRequest::uri)
                .containsExactly("/files/hello.txt", "/chunked/hello.txt", "/to-close/hello.txt");
        assertThat(served.get(0).contentLength()).hasValue(15);
        assertThat(served.get(0).chunked()).isFalse();
        assertThat(served.get(1).contentLength()).isEmpty();
        assertThat(served.get(1).chunked()).isTrue();
        assertThat(served.get(2).contentLength()).isEmpty();
        assertThat(served.get(2).chunked()).isFalse();
        assertThat(served.get(2).bodyBytes()).as("the close ends the body").isEqualTo(15);
        assertThat(served).allSatisfy(request -> assertThat(request.tlsProtocol()).isEqualTo("TLSv1.3"));
    }

    @Test
    void aClientThatDoesNotTrustTheAuthorityIsRefused(@TempDir Path other) throws Exception {
        LocalCertificateAuthority stranger = LocalCertificateAuthority.create(other, "Some other CA");

        assertThatThrownBy(() -> get(client(stranger.certificateFile()), balancer.httpsUrl() + "/health"))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void offersOnlyTheProtocolsAsked(@TempDir Path own) throws Exception {
        NginxTls tls12 = NginxTls.of(ca.issue("tls12", List.of("127.0.0.1"))).only("TLSv1.2");
        try (LocalNginxBalancer older = LocalNginxBalancer.start(own, tls12)) {
            assertThat(get(client(ca.certificateFile()), older.httpsUrl() + "/").statusCode()).isEqualTo(200);

            assertThat(older.servedOverTls()).singleElement()
                    .satisfies(request -> assertThat(request.tlsProtocol()).isEqualTo("TLSv1.2"));
        }
    }

    @Test
    void aPlainBalancerServesNoHttps(@TempDir Path own) throws Exception {
        try (LocalNginxBalancer plain = LocalNginxBalancer.start(own)) {
            assertThatThrownBy(plain::httpsUrl).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("start it with NginxTls");
            assertThat(Files.readString(plain.configFile())).doesNotContain("ssl");
        }
    }

    private static HttpClient client(Path trustedCertificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(trustedCertificate)) {
            Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            trusted.setCertificateEntry("ca", certificate);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
