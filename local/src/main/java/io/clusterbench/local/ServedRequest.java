package io.clusterbench.local;

import java.util.OptionalLong;

/**
 * One request the balancer served over HTTPS, as its TLS access log recorded it, so that a test can see what the
 * client did on the wire: which connection carried it, in which TLS version, and how the body was framed.
 *
 * @param connection nginx's serial number of the connection
 * @param connectionRequest the request's number on that connection, 1 for the first
 * @param tlsProtocol the negotiated version, such as {@code TLSv1.3}
 * @param status the status answered
 * @param contentLength the Content-Length sent, empty when there was none
 * @param chunked whether the body was sent with chunked transfer coding
 * @param bodyBytes the bytes of body sent (chunk framing included)
 * @param uri the request target as sent
 */
public record ServedRequest(long connection, long connectionRequest, String tlsProtocol, int status,
        OptionalLong contentLength, boolean chunked, long bodyBytes, String uri) {

    /** The nginx {@code log_format} whose lines {@link #parse} reads. */
    static final String LOG_FORMAT = "$connection $connection_requests $ssl_protocol $status"
            + " $sent_http_content_length $sent_http_transfer_encoding $body_bytes_sent"
            + " $request_uri";

    /** Reads one line written in {@link #LOG_FORMAT}; nginx writes {@code -} for an empty value. */
    static ServedRequest parse(String line) {
        String[] fields = line.split(" ", -1);
        if (fields.length != 8) {
            throw new IllegalArgumentException("not a line of the TLS access log: " + line);
        }
        return new ServedRequest(Long.parseLong(fields[0]), Long.parseLong(fields[1]), fields[2],
                Integer.parseInt(fields[3]),
                fields[4].equals("-") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(fields[4])),
                fields[5].equals("chunked"), Long.parseLong(fields[6]), fields[7]);
    }
}
