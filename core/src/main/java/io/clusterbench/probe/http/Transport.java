package io.clusterbench.probe.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * How a connection's bytes cross its non-blocking socket: as they are ({@link #plain}) or inside TLS records
 * ({@link TlsTransport}). Every call does what it can without waiting and says what to wait for otherwise.
 */
interface Transport {

    /** Moves the TLS handshake on; true once it is finished (at once without TLS). */
    boolean handshake() throws IOException;

    /** Reads what has arrived into {@code into}: the number of bytes, 0 for none yet, -1 at the end of the stream. */
    int read(ByteBuffer into) throws IOException;

    /** Writes what it can of {@code from}; true once all of it has left, false to wait for {@link #waitingFor}. */
    boolean write(ByteBuffer from) throws IOException;

    /** The {@link SelectionKey} operations to wait for after a call that could not finish. */
    int waitingFor();

    /** Bytes as they are: the socket's own reads and writes. */
    static Transport plain(SocketChannel channel) {
        return new Transport() {
            @Override
            public boolean handshake() {
                return true;
            }

            @Override
            public int read(ByteBuffer into) throws IOException {
                return channel.read(into);
            }

            @Override
            public boolean write(ByteBuffer from) throws IOException {
                channel.write(from);
                return !from.hasRemaining();
            }

            @Override
            public int waitingFor() {
                return SelectionKey.OP_WRITE;
            }
        };
    }
}
