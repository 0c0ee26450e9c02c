package io.clusterbench.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void loopbackPortCanBeBoundOnLoopback() throws Exception {
        int port = FreePorts.loopback();

        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void retriesStartThatLostItsPort() throws LocalServerException {
        AtomicInteger attempts = new AtomicInteger();

        String result = FreePorts.retryOnPortClash(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new LocalServerException("redis exited: bind: Address already in use");
            }
            return "started";
        });

        assertThat(result).isEqualTo("started");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void givesUpAfterThreePortClashes() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> FreePorts.retryOnPortClash(() -> {
            attempts.incrementAndGet();
            throw new LocalServerException("listen tcp: bind: address already in use");
        })).hasMessageContaining("address already in use");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void doesNotRetryOtherFailures() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> FreePorts.retryOnPortClash(() -> {
            attempts.incrementAndGet();
            throw new LocalServerException("bad configuration directive");
        })).hasMessage("bad configuration directive");
        assertThat(attempts).hasValue(1);
    }
}
