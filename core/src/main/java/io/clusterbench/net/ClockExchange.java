package io.clusterbench.net;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.result.ClockOffset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Reads this machine's clock offset to a coordinator ({@code clusterbench coordinate}) the way NTP does: the shard
 * sends its time, the coordinator answers with when it received and when it answered, and of several exchanges the
 * one with the shortest round trip is kept, since its offset is the least uncertain.
 *
 * <p>The protocol, one TCP connection, lines of ASCII: the shard sends {@code T0\n} (its clock, microseconds since
 * the epoch), the coordinator answers {@code T1 T2\n} (its clock at receipt and at answer); repeated
 * {@link #EXCHANGES} times.
 */
public final class ClockExchange {

    /** How many exchanges a reading takes; the best is kept. */
    public static final int EXCHANGES = 8;
    private static final int TIMEOUT_MS = 5_000;
    private static final int MAX_LINE = 64;

    private ClockExchange() {
    }

    /**
     * The offset to the coordinator at {@code host:port}.
     *
     * @throws ClusterBenchException CONNECTION when it cannot be reached, REMOTE when it answers something else
     */
    public static ClockOffset read(String host, int port, Clock clock) throws ClusterBenchException {
        String where = host + ":" + port;
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII), MAX_LINE);
            ClockOffset best = null;
            for (int i = 0; i < EXCHANGES; i++) {
                long t0 = micros(clock.instant());
                out.write((t0 + "\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer = in.readLine();
                long t3 = micros(clock.instant());
                ClockOffset reading = parse(answer, where, t0, t3);
                if (best == null || reading.roundTripMs() < best.roundTripMs()) {
                    best = reading;
                }
            }
            return best;
        } catch (IOException e) {
            throw new ClusterBenchException(Kind.CONNECTION, "cannot read the clock of the coordinator at " + where
                    + " (" + e.getMessage() + "); is 'clusterbench coordinate --port " + port + "' running there,"
                    + " and reachable from this machine?");
        }
    }

    private static ClockOffset parse(String answer, String where, long t0, long t3) throws ClusterBenchException {
        String[] parts = answer == null ? new String[0] : answer.trim().split(" ");
        try {
            if (parts.length == 2) {
                return ClockOffset.fromExchange(where, t0, Long.parseLong(parts[0]), Long.parseLong(parts[1]), t3);
            }
        } catch (NumberFormatException e) {
            // Reported below with every other answer that is not two numbers.
        }
        throw new ClusterBenchException(Kind.REMOTE, where + " did not answer as 'clusterbench coordinate' does"
                + " (two numbers a line); is that port the coordinator's?");
    }

    /** Microseconds since the epoch. */
    public static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
