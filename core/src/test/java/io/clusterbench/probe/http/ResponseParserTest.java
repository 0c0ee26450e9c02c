package io.clusterbench.probe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The parser keeps its place however a response is cut into pieces by the network. */
class ResponseParserTest {
    private static final String CHUNKED = "HTTP/1.1 100 Continue\r\n\r\n"
            + "HTTP/1.1 200 OK\r\ntransfer-encoding:  Chunked \r\nConnection: keep-alive\r\n\r\n"
            + "4;x=1\r\nWiki\r\nA\r\npedia-wiki\r\n0\r\nX-T: 1\r\n\r\n";

    private static final byte[] SHARED = new byte[1024];

    @Test
    void completesAChunkedResponseAtEveryCutIntoTwoPieces() throws Exception {
        byte[] bytes = CHUNKED.getBytes(StandardCharsets.ISO_8859_1);
        for (int cut = 1; cut < bytes.length; cut++) {
            ResponseParser parser = new ResponseParser();
            parser.start(false);
            boolean earlyEnd = feed(parser, bytes, 0, cut);
            boolean complete = feed(parser, bytes, cut, bytes.length);

            assertThat(earlyEnd).as("cut at %d", cut).isFalse();
            assertThat(complete).as("cut at %d", cut).isTrue();
            assertThat(parser.status()).isEqualTo(200);
            assertThat(parser.keepAlive()).isTrue();
        }
    }

    @Test
    void completesBackToBackResponsesFedByteByByte() throws Exception {
        String twice = "HTTP/1.1 201 Created\r\nContent-Length: 3\r\n\r\nabc"
                + "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n";
        byte[] bytes = twice.getBytes(StandardCharsets.ISO_8859_1);
        ResponseParser parser = new ResponseParser();
        parser.start(false);
        int completed = 0;
        int[] statuses = new int[2];
        for (int i = 0; i < bytes.length; i++) {
            if (feed(parser, bytes, i, i + 1)) {
                statuses[completed++] = parser.status();
                parser.start(false);
            }
        }

        assertThat(statuses).containsExactly(201, 404);
    }

    @Test
    void aBodyWithoutLengthEndsWithTheConnectionAndIsNotKeptAlive() throws Exception {
        byte[] bytes = "HTTP/1.1 200 OK\r\n\r\nto the end".getBytes(StandardCharsets.ISO_8859_1);
        ResponseParser parser = new ResponseParser();
        parser.start(false);

        assertThat(feed(parser, bytes, 0, bytes.length)).isFalse();
        assertThat(parser.ended()).isTrue();
        assertThat(parser.keepAlive()).isFalse();
    }

    @Test
    void aConnectionEndingInTheHeadersSaysSo() throws Exception {
        byte[] bytes = "HTTP/1.1 200 OK\r\nContent-Le".getBytes(StandardCharsets.ISO_8859_1);
        ResponseParser parser = new ResponseParser();
        parser.start(false);
        feed(parser, bytes, 0, bytes.length);

        assertThatThrownBy(parser::ended).isInstanceOf(EOFException.class).hasMessageContaining("response headers");
    }

    private static boolean feed(ResponseParser parser, byte[] bytes, int from, int to) throws Exception {
        // As the loop's shared read buffer: overwritten after each arrival, so the parser must keep what it needs.
        System.arraycopy(bytes, from, SHARED, 7, to - from);
        boolean complete = parser.accept(SHARED, 7, to - from);
        Arrays.fill(SHARED, (byte) 'x');
        return complete;
    }
}
