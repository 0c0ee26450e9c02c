package io.clusterbench.probe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.result.ErrorKind;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The probe's HTTP/1.1 client on the wire formats a server may answer with. */
class ReusableConnectionTest {

    @Test
    void readsChunkedBodiesWithExtensionsAndTrailersAndKeepsTheConnection() throws Exception {
        try (CannedServer server = new CannedServer(false,
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;x=1\r\nWiki\r\n5\r\npedia\r\n0\r\nX-T: 1\r\n\r\n",
                "HTTP/1.1 201 Created\r\nContent-Length: 3\r\n\r\nabc");
                ReusableConnection connection = new ReusableConnection(plan(server, "GET"))) {
            assertThat(connection.exchange(deadline())).isEqualTo(200);
            assertThat(connection.exchange(deadline())).isEqualTo(201);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void skipsInterimAnswersAndReadsNoBodyAfter204OrForHead() throws Exception {
        try (CannedServer server = new CannedServer(false,
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n");
                ReusableConnection first = new ReusableConnection(plan(server, "GET"))) {
            assertThat(first.exchange(deadline())).isEqualTo(204);
            first.close();
            try (ReusableConnection head = new ReusableConnection(plan(server, "HEAD"))) {
                // The HEAD answer announces 5 bytes it does not send; reading them would wait for the timeout.
                assertThat(head.exchange(deadline())).isEqualTo(200);
                assertThat(head.exchange(deadline())).isEqualTo(200);
            }
        }
    }

    @Test
    void readsAnHttp10BodyUpToTheCloseThenConnectsAgain() throws Exception {
        try (CannedServer server = new CannedServer(true, "HTTP/1.0 200 OK\r\n\r\nno length, read to the end");
                ReusableConnection connection = new ReusableConnection(plan(server, "GET"))) {
            assertThat(connection.exchange(deadline())).isEqualTo(200);
            assertThat(connection.exchange(deadline())).isEqualTo(200);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void sendsAgainOnANewConnectionWhenTheServerDroppedTheKeptAliveOne() throws Exception {
        // The answer promises keep-alive, and the server closes anyway: the second request finds it closed.
        try (CannedServer server = new CannedServer(true, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                ReusableConnection connection = new ReusableConnection(plan(server, "GET"))) {
            assertThat(connection.exchange(deadline())).isEqualTo(200);
            assertThat(connection.exchange(deadline())).isEqualTo(200);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void aConnectionCloseAnswerOpensANewConnectionForTheNextRequest() throws Exception {
        try (CannedServer server = new CannedServer(false,
                "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
                ReusableConnection connection = new ReusableConnection(plan(server, "GET"))) {
            for (int i = 0; i < 3; i++) {
                assertThat(connection.exchange(deadline())).isEqualTo(200);
            }
            assertThat(server.connections()).isEqualTo(3);
        }
    }

    @Test
    void aMalformedAnswerIsAProtocolError() throws Exception {
        try (CannedServer server = new CannedServer(true, "SSH-2.0-OpenSSH_9.2\r\n\r\n");
                ReusableConnection connection = new ReusableConnection(plan(server, "GET"))) {
            assertThatThrownBy(() -> connection.exchange(deadline()))
                    .isInstanceOfSatisfying(ExchangeFailure.class, failure -> {
                        assertThat(failure.kind()).isEqualTo(ErrorKind.PROTOCOL);
                        assertThat(failure.getMessage()).contains("not an HTTP response: SSH-2.0-OpenSSH_9.2")
                                .contains("service svc");
                    });
        }
    }

    @Test
    void aBodyCutShortIsAProtocolError() throws Exception {
        try (CannedServer server = new CannedServer(true, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort");
                ReusableConnection connection = new ReusableConnection(plan(server, "GET"))) {
            assertThatThrownBy(() -> connection.exchange(deadline()))
                    .isInstanceOfSatisfying(ExchangeFailure.class,
                            failure -> assertThat(failure.getMessage()).contains("5 bytes of the body missing"));
        }
    }

    private static RequestPlan plan(CannedServer server, String method) {
        return RequestPlan.of("svc", URI.create("http://127.0.0.1:" + server.port() + "/"), method, Map.of(), "",
                OptionalInt.empty(), Duration.ofSeconds(5));
    }

    private static long deadline() {
        return System.nanoTime() + Duration.ofSeconds(5).toNanos();
    }
}
