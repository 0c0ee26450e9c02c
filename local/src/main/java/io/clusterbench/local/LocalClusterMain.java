package io.clusterbench.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts Redis, the nginx balancer and sshd in sub-folders of a folder for a script (the benchmarks in
 * {@code bench/}), writes their addresses to {@code DIR/servers.env} as shell assignments, and stops them on
 * SIGTERM or Ctrl-C: {@code java -cp clusterbench.jar io.clusterbench.local.LocalClusterMain DIR}.
 *
 * <p>Unlike {@code clusterbench demo --keep} it runs no benchmark first and starts no Prometheus, whose scraping
 * would be load on the machine that the benchmark does not ask for.
 */
public final class LocalClusterMain {

    /** The file, in the folder, that the addresses are written to once every server answers. */
    public static final String ENV_FILE = "servers.env";

    private LocalClusterMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: LocalClusterMain DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        List<LocalServer> started = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(started);
            stopped.countDown();
        }, "local-cluster-stop"));
        Map<String, String> env = new LinkedHashMap<>();
        try {
            LocalRedis redis = add(started, LocalRedis.start(dir.resolve("redis")));
            env.put("CB_REDIS_PORT", Integer.toString(redis.port()));
            LocalNginxBalancer balancer = add(started, LocalNginxBalancer.start(dir.resolve("nginx")));
            env.put("CB_NGINX_PORT", Integer.toString(balancer.port()));
            env.put("CB_NGINX_URL", balancer.url());
            LocalSshd sshd = add(started, LocalSshd.start(dir.resolve("sshd")));
            env.put("CB_SSHD_PORT", Integer.toString(sshd.port()));
            env.put("CB_SSH_USER", sshd.user());
            env.put("CB_SSH_KEY", sshd.clientKey().toString());
            env.put("CB_SSH_KNOWN_HOSTS", sshd.knownHostsFile().toString());
        } catch (LocalServerException e) {
            System.err.println("LocalClusterMain: " + e.getMessage());
            // The shutdown hook stops what did start.
            System.exit(3);
        }
        StringBuilder text = new StringBuilder();
        env.forEach((name, value) -> text.append(name).append('=').append(shellQuoted(value)).append('\n'));
        Path partial = dir.resolve(ENV_FILE + ".partial");
        Files.writeString(partial, text);
        Files.move(partial, dir.resolve(ENV_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        for (LocalServer server : started) {
            System.out.printf("started %-6s 127.0.0.1:%d (pid %d)%n", server.name(), server.port(), server.pid());
        }
        System.out.println("wrote " + dir.resolve(ENV_FILE));
        System.out.flush();
        stopped.await();
    }

    private static <T extends LocalServer> T add(List<LocalServer> started, T server) {
        synchronized (started) {
            started.add(server);
        }
        return server;
    }

    private static void stop(List<LocalServer> started) {
        List<LocalServer> servers;
        synchronized (started) {
            servers = new ArrayList<>(started);
        }
        for (int i = servers.size() - 1; i >= 0; i--) {
            try {
                servers.get(i).close();
            } catch (RuntimeException e) {
                // Keep stopping the others.
            }
        }
    }

    /** A POSIX shell single-quoted word, so that a path with spaces or quotes survives {@code source}. */
    static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
