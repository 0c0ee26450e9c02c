package io.clusterbench.probe.http;

import static io.clusterbench.probe.http.ProbeRun.errorCount;
import static io.clusterbench.probe.http.ProbeRun.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import org.junit.jupiter.api.Test;

/** The probe's HTTP/1.1 client, through a whole probe, on the wire formats a server may answer with. */
class HttpWireFormatTest {

    @Test
    void readsChunkedBodiesWithExtensionsAndTrailersAndKeepsTheConnection() throws Exception {
        try (CannedServer server = new CannedServer(false,
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;x=1\r\nWiki\r\n5\r\npedia\r\n0\r\nX-T: 1\r\n\r\n",
                "HTTP/1.1 201 Created\r\nContent-Length: 3\r\n\r\nabc")) {
            ProbeMeasurement measurement = run(server, "concurrency: 1, requests: 2");

            assertThat(value(measurement, "status_200")).isEqualTo(1);
            assertThat(value(measurement, "status_201")).isEqualTo(1);
            assertThat(value(measurement, "errors")).isZero();
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void skipsInterimAnswersAndReadsNoBodyAfter204() throws Exception {
        try (CannedServer server = new CannedServer(false,
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n")) {
            ProbeMeasurement measurement = run(server, "concurrency: 1, requests: 3");

            assertThat(value(measurement, "status_204")).isEqualTo(3);
            assertThat(value(measurement, "status_2xx")).isEqualTo(3);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void readsNoBodyForHeadWhateverTheLengthSays() throws Exception {
        // The HEAD answer announces 5 bytes it does not send; reading them would wait for the timeout.
        try (CannedServer server = new CannedServer(false, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n")) {
            ProbeMeasurement measurement = run(server, "concurrency: 1, requests: 2, method: HEAD, timeout: 5s");

            assertThat(value(measurement, "status_200")).isEqualTo(2);
            assertThat(value(measurement, "max_ms")).isLessThan(2000);
        }
    }

    @Test
    void readsAnHttp10BodyUpToTheCloseThenConnectsAgain() throws Exception {
        try (CannedServer server = new CannedServer(true, "HTTP/1.0 200 OK\r\n\r\nno length, read to the end")) {
            ProbeMeasurement measurement = run(server, "concurrency: 1, requests: 2");

            assertThat(value(measurement, "status_200")).isEqualTo(2);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void sendsAgainOnANewConnectionWhenTheServerDroppedTheKeptAliveOne() throws Exception {
        // The answer promises keep-alive, and the server closes anyway: the second request finds it closed.
        try (CannedServer server = new CannedServer(true, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")) {
            ProbeMeasurement measurement = run(server, "concurrency: 1, requests: 2");

            assertThat(value(measurement, "status_200")).isEqualTo(2);
            assertThat(value(measurement, "errors")).isZero();
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void aConnectionCloseAnswerOpensANewConnectionForTheNextRequest() throws Exception {
        try (CannedServer server = new CannedServer(false,
                "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok")) {
            ProbeMeasurement measurement = run(server, "concurrency: 1, requests: 3");

            assertThat(value(measurement, "status_200")).isEqualTo(3);
            assertThat(server.connections()).isEqualTo(3);
        }
    }

    @Test
    void aMalformedAnswerIsAProtocolError() throws Exception {
        try (CannedServer server = new CannedServer(true, "SSH-2.0-OpenSSH_9.2\r\n\r\n")) {
            ProbeMeasurement measurement = run(server, "concurrency: 1, requests: 1");

            assertThat(errorCount(measurement, ErrorKind.PROTOCOL)).isEqualTo(1);
            assertThat(measurement.errors()).extracting(ProbeError::message).anySatisfy(message -> assertThat(message)
                    .contains("not an HTTP response: SSH-2.0-OpenSSH_9.2").contains("service web"));
        }
    }

    @Test
    void aBodyCutShortIsAProtocolError() throws Exception {
        try (CannedServer server = new CannedServer(true, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")) {
            ProbeMeasurement measurement = run(server, "concurrency: 1, requests: 1");

            assertThat(errorCount(measurement, ErrorKind.PROTOCOL)).isEqualTo(1);
            assertThat(measurement.errors()).extracting(ProbeError::message)
                    .anySatisfy(message -> assertThat(message).contains("5 bytes of the body missing"));
        }
    }

    @Test
    void aHeaderLineOverTheBoundIsAProtocolErrorNotAnEndlessBuffer() throws Exception {
        String huge = "X-Big: " + "a".repeat(ResponseParser.MAX_LINE + 10) + "\r\n";
        try (CannedServer server = new CannedServer(true, "HTTP/1.1 200 OK\r\n" + huge + "Content-Length: 0\r\n\r\n")) {
            ProbeMeasurement measurement = run(server, "concurrency: 1, requests: 1");

            assertThat(measurement.errors()).extracting(ProbeError::message)
                    .anySatisfy(message -> assertThat(message).contains("longer than 64 KiB"));
        }
    }

    private static ProbeMeasurement run(CannedServer server, String load) throws Exception {
        return ProbeRun.cold("http://127.0.0.1:" + server.port() + "/", load).run();
    }
}
