package io.clusterbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: Linux network namespaces, each joined to this machine by a veth pair on a subnet of its own
 * ({@code 10.77.I.0/24}, this side {@code .1}, the namespace {@code .2}), so that processes run in them send from
 * separate source addresses. One address of this machine, {@link #SERVICE_ADDRESS}, is reached from every namespace
 * through its default route; it lives on the first pair's host side and goes with it. Needs root and iproute2.
 */
final class NetworkNamespaces implements AutoCloseable {

    /** The address every namespace reaches this machine on, for the servers a test runs here. */
    static final String SERVICE_ADDRESS = "10.77.0.1";

    /** Short and unique per JVM: interface names have at most 15 characters. */
    private final String prefix = "cb" + ProcessHandle.current().pid();
    private final List<String> names = new ArrayList<>();
    private final List<String> hostSides = new ArrayList<>();

    /**
     * Creates {@code count} namespaces.
     *
     * @throws IOException with the failing command and its own message when one cannot be created
     */
    static NetworkNamespaces create(int count) throws IOException, InterruptedException {
        NetworkNamespaces namespaces = new NetworkNamespaces();
        try {
            for (int i = 1; i <= count; i++) {
                namespaces.add(i);
            }
            return namespaces;
        } catch (IOException | InterruptedException | RuntimeException e) {
            namespaces.close();
            throw e;
        }
    }

    private void add(int i) throws IOException, InterruptedException {
        String name = prefix + "-ns" + i;
        String host = prefix + "h" + i;
        String inside = prefix + "n" + i;
        run("ip", "netns", "add", name);
        names.add(name);
        run("ip", "link", "add", host, "type", "veth", "peer", "name", inside);
        hostSides.add(host);
        run("ip", "link", "set", inside, "netns", name);
        run("ip", "addr", "add", hostAddress(i) + "/24", "dev", host);
        if (i == 1) {
            run("ip", "addr", "add", SERVICE_ADDRESS + "/32", "dev", host);
        }
        run("ip", "link", "set", host, "up");
        run("ip", "netns", "exec", name, "ip", "addr", "add", sourceAddress(i) + "/24", "dev", inside);
        run("ip", "netns", "exec", name, "ip", "link", "set", inside, "up");
        run("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up");
        run("ip", "netns", "exec", name, "ip", "route", "add", "default", "via", hostAddress(i));
    }

    /** The address the processes in namespace {@code i} send from. */
    static String sourceAddress(int i) {
        return "10.77." + i + ".2";
    }

    private static String hostAddress(int i) {
        return "10.77." + i + ".1";
    }

    /** {@code command} as run inside namespace {@code i} (from 1). */
    List<String> inside(int i, List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("ip", "netns", "exec", names.get(i - 1)));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Deletes every namespace and link made, even after a failure half-way. */
    @Override
    public void close() {
        for (String host : hostSides) {
            runQuietly("ip", "link", "del", host);
        }
        for (String name : names) {
            runQuietly("ip", "netns", "del", name);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("'" + String.join(" ", command) + "' failed: " + output
                    + " (this test creates network namespaces: it needs root and iproute2)");
        }
    }

    private static void runQuietly(String... command) {
        try {
            run(command);
        } catch (IOException e) {
            // Deleting the pair's one side removes the other; a namespace already gone is what close wants.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
