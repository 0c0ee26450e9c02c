package io.clusterbench.cli;

import io.clusterbench.net.ClockExchange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clusterbench coordinate --port P}: serves this machine's clock to the shards of a run, so that each records
 * its offset to one reference ({@link ClockExchange} has the protocol), and prints the instant to give them as
 * {@code --start-at}.
 */
@Command(
        name = "coordinate",
        mixinStandardHelpOptions = true,
        description = {
            "Serve this machine's clock to the shards of a run (benchmark --shard I/N --coordinator HOST:PORT), so",
            "that each records its clock offset and 'merge' can refuse shards whose clocks were too far off.",
            "Prints a start instant --start-in seconds ahead to give every shard as --start-at; runs until stopped."
        })
final class CoordinateCommand implements Callable<Integer> {

    /** The longest line a shard sends: a number of microseconds. */
    private static final int MAX_LINE = 32;

    @Spec
    CommandSpec command;

    @Option(names = "--port", paramLabel = "PORT", required = true, description = "the TCP port to serve on")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "the address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--start-in", paramLabel = "SECONDS", defaultValue = "30",
            description = "how far ahead the printed start instant is (default: ${DEFAULT-VALUE})")
    long startIn;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getByName(bind))) {
            out.println("Serving the clock on " + bind + ":" + server.getLocalPort() + "; start every shard with"
                    + " --coordinator THIS_HOST:" + server.getLocalPort() + " --start-at "
                    + clock.instant().plusSeconds(startIn).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            out.flush();
            while (true) {
                Socket shard = server.accept();
                Thread thread = new Thread(() -> answer(shard, clock), "clusterbench-coordinate");
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    /** Answers each line a shard sends with this clock at receipt and at answer, until the shard closes. */
    private static void answer(Socket shard, Clock clock) {
        try (shard) {
            shard.setTcpNoDelay(true);
            shard.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(shard.getInputStream(),
                    StandardCharsets.US_ASCII), MAX_LINE);
            OutputStream reply = shard.getOutputStream();
            String line;
            while ((line = in.readLine()) != null && line.length() <= MAX_LINE) {
                long received = ClockExchange.micros(clock.instant());
                Instant answered = clock.instant();
                reply.write((received + " " + ClockExchange.micros(answered) + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
                reply.flush();
            }
        } catch (IOException e) {
            // A shard that went away mid-exchange reads nothing wrong: its own side reports the failure.
        }
    }
}
