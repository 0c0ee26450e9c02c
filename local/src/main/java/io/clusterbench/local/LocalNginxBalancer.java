package io.clusterbench.local;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One private nginx process holding a round-robin load balancer on the main port in front of two upstream
 * servers, each on its own port, that answer {@code /health} and {@code /} with their name.
 *
 * <p>Started with {@link NginxTls}, it also serves HTTPS on a port of its own ({@link #httpsUrl()}): the same
 * balancer, plus the files a test puts into {@link #documentRoot()}, under {@code /files/} with a Content-Length,
 * under {@code /chunked/} chunked and under {@code /to-close/} ended by the close of the connection; every request
 * it serves there is logged for {@link #servedOverTls()}.
 */
public final class LocalNginxBalancer extends ProcessBackedServer {

    /** The names the two upstream servers answer with, in the order of {@link #upstreamPorts()}. */
    public static final List<String> UPSTREAM_NAMES = List.of("upstream-a", "upstream-b");

    /** A response header naming this instance, so readiness never mistakes another nginx on the port for ours. */
    static final String INSTANCE_HEADER = "X-Clusterbench-Instance";

    private static final String WILDCARD = "0.0.0.0";
    private static final Pattern IPV4 = Pattern.compile("(?:[0-9]{1,3}\\.){3}[0-9]{1,3}");

    private static final Duration STARTUP = Duration.ofSeconds(15);
    private static final Duration RELOAD = Duration.ofSeconds(15);

    private final Path binary;
    private final Path configFile;
    private final Path errorLog;
    private final List<Integer> upstreamPorts;
    private final String listen;
    private final OptionalInt tlsPort;

    private LocalNginxBalancer(int port, Path workDir, ManagedProcess process, Path binary, Path configFile,
            Path errorLog, List<Integer> upstreamPorts, String listen, OptionalInt tlsPort) {
        super("nginx", port, workDir, process);
        this.listen = listen;
        this.binary = binary;
        this.configFile = configFile;
        this.errorLog = errorLog;
        this.upstreamPorts = List.copyOf(upstreamPorts);
        this.tlsPort = tlsPort;
    }

    /** Starts the balancer and its upstreams in the folder (created if absent), with nginx found on the system. */
    public static LocalNginxBalancer start(Path workDir) throws LocalServerException {
        return start(workDir, Binaries.system());
    }

    /** Starts the balancer and its upstreams in the folder, taking nginx from the given binaries. */
    public static LocalNginxBalancer start(Path workDir, Binaries binaries) throws LocalServerException {
        return start(workDir, binaries, null, LOOPBACK, null);
    }

    /**
     * Starts the balancer and its upstreams, the balancer listening on {@code listenAddress} instead of loopback:
     * {@code 0.0.0.0} or an address of this machine, for a test whose clients send from other network namespaces
     * or machines. The upstreams stay on loopback, and {@link #url()} names the address (loopback for 0.0.0.0).
     */
    public static LocalNginxBalancer start(Path workDir, String listenAddress) throws LocalServerException {
        if (!IPV4.matcher(listenAddress).matches()) {
            throw new IllegalArgumentException("the balancer listens on an IPv4 address such as 0.0.0.0, got '"
                    + listenAddress + "'");
        }
        return start(workDir, Binaries.system(), null, listenAddress, null);
    }

    /**
     * Starts the balancer and its upstreams, and the same balancer over HTTPS with the given certificate on a
     * second port, with nginx found on the system. The plain port serves exactly what {@link #start(Path)}'s does.
     */
    public static LocalNginxBalancer start(Path workDir, NginxTls tls) throws LocalServerException {
        return start(workDir, Binaries.system(), null, LOOPBACK, Objects.requireNonNull(tls, "tls"));
    }

    /**
     * Starts a balancer alone, round-robin in front of the given servers (which the caller runs, such as a test's
     * deliberately slow server), with nginx found on the system. Its {@link #upstreamPorts()} are those servers'
     * ports. It is ready once nginx answers, whether or not the servers do.
     */
    public static LocalNginxBalancer start(Path workDir, List<InetSocketAddress> upstreams)
            throws LocalServerException {
        if (upstreams.isEmpty()) {
            throw new IllegalArgumentException("a balancer needs at least one upstream server");
        }
        return start(workDir, Binaries.system(), List.copyOf(upstreams), LOOPBACK, null);
    }

    /**
     * With {@code external} null the balancer runs its own upstreams; it listens on {@code listen}; with {@code tls}
     * null it serves no HTTPS.
     */
    private static LocalNginxBalancer start(Path workDir, Binaries binaries, List<InetSocketAddress> external,
            String listen, NginxTls tls) throws LocalServerException {
        Path binary = binaries.locate(ServerBinary.NGINX);
        Path dir = WorkFiles.createFolder(workDir);
        // nginx creates the *_temp_path folders but not their parent.
        WorkFiles.createFolder(dir.resolve("temp"));
        if (tls != null) {
            WorkFiles.createFolder(dir.resolve(NginxConfig.DOCUMENT_ROOT));
        }
        Path configFile = dir.resolve("nginx.conf");
        Path errorLog = dir.resolve("error.log");
        String instance = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        return FreePorts.retryOnPortClash(() -> {
            int port = FreePorts.loopback();
            List<Integer> upstreams;
            String readyPath;
            OptionalInt tlsPort = OptionalInt.empty();
            if (external == null) {
                upstreams = List.of(FreePorts.loopback(), FreePorts.loopback());
                if (tls == null) {
                    WorkFiles.write(configFile, NginxConfig.balancer(dir, listen, port, upstreams, UPSTREAM_NAMES,
                            instance, CurrentUser.isRoot()));
                } else {
                    tlsPort = OptionalInt.of(FreePorts.loopback());
                    WorkFiles.write(configFile, NginxConfig.balancerWithTls(dir, listen, port, upstreams,
                            UPSTREAM_NAMES, instance, CurrentUser.isRoot(), tlsPort.getAsInt(), tls));
                }
                // nginx binds every listening socket before it answers on any, so the HTTPS port is ready too.
                readyPath = "/health";
            } else {
                upstreams = external.stream().map(InetSocketAddress::getPort).toList();
                WorkFiles.write(configFile, NginxConfig.frontOf(dir, port,
                        external.stream().map(LocalNginxBalancer::hostAndPort).toList(), instance,
                        CurrentUser.isRoot()));
                readyPath = NginxConfig.READY_PATH;
            }
            ManagedProcess process = ManagedProcess.start("nginx", command(binary, dir, configFile, errorLog), dir,
                    List.of(errorLog));
            process.awaitReady(STARTUP, () -> {
                HttpResponse<String> response = HttpChecks.get(URI.create(url(listen, port) + readyPath));
                return response.statusCode() / 100 == 2
                        && response.headers().firstValue(INSTANCE_HEADER).filter(instance::equals).isPresent();
            });
            return new LocalNginxBalancer(port, dir, process, binary, configFile, errorLog, upstreams, listen,
                    tlsPort);
        });
    }

    private static String hostAndPort(InetSocketAddress address) {
        String host = address.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** The balancer's base URL, {@code http://127.0.0.1:PORT} unless it was started on another address. */
    public String url() {
        return url(listen, port());
    }

    /** nginx's access log: one line a request, the client's address first. */
    public Path accessLog() {
        return workDir().resolve("access.log");
    }

    /**
     * The HTTPS base URL, {@code https://127.0.0.1:PORT}.
     *
     * @throws IllegalStateException when the balancer was started without {@link NginxTls}
     */
    public String httpsUrl() {
        return "https://" + LOOPBACK + ":" + tlsPort();
    }

    /**
     * The HTTPS port.
     *
     * @throws IllegalStateException when the balancer was started without {@link NginxTls}
     */
    public int tlsPort() {
        return tlsPort.orElseThrow(() -> new IllegalStateException(this + " serves no HTTPS: start it with NginxTls"));
    }

    /** The folder whose files the HTTPS server serves under {@code /files/}, {@code /chunked/} and {@code /to-close/}. */
    public Path documentRoot() {
        tlsPort();
        return workDir().resolve(NginxConfig.DOCUMENT_ROOT);
    }

    /** Every request served over HTTPS so far, in the order nginx logged them (when each answer was sent). */
    public List<ServedRequest> servedOverTls() throws LocalServerException {
        tlsPort();
        // nginx opens its logs before it listens, so the file is there however early the question comes.
        return WorkFiles.read(workDir().resolve(NginxConfig.TLS_ACCESS_LOG)).lines().map(ServedRequest::parse)
                .toList();
    }

    /**
     * The ports of the two upstream servers, {@code upstream-a} first; for a balancer in front of given servers,
     * their ports in the order given.
     */
    public List<Integer> upstreamPorts() {
        return upstreamPorts;
    }

    /** The nginx.conf the server runs; edit it and call {@link #reload()} to apply a change. */
    public Path configFile() {
        return configFile;
    }

    /** nginx's error log, which also records reloads. */
    public Path errorLog() {
        return errorLog;
    }

    /**
     * Makes nginx re-read {@link #configFile()} and waits until new workers run on it.
     *
     * @throws LocalServerException when the configuration is refused (nginx keeps serving the old one then)
     */
    public void reload() throws LocalServerException {
        int before = NginxConfig.reconfigurations(WorkFiles.read(errorLog), pid());
        List<String> reload = new ArrayList<>(command(binary, workDir(), configFile, errorLog));
        reload.addAll(List.of("-s", "reload"));
        OneShotCommand.run(reload, workDir(), RELOAD, Set.of());
        Poll.until("nginx (pid " + pid() + ") to reload " + configFile, RELOAD, () -> {
            if (!isAlive()) {
                throw new LocalServerException("nginx exited during a reload; see " + errorLog);
            }
            List<String> since = NginxConfig.linesAfterReconfiguration(WorkFiles.read(errorLog), pid(), before + 1);
            for (String line : since) {
                if (line.contains("[emerg]")) {
                    throw new LocalServerException(
                            "nginx refused the new configuration in " + configFile + " and kept the old one: " + line);
                }
            }
            return since.stream().anyMatch(line -> line.contains("start worker process "));
        });
    }

    private static List<String> command(Path binary, Path dir, Path configFile, Path errorLog) {
        return List.of(binary.toString(), "-p", dir + "/", "-c", configFile.toString(), "-e", errorLog.toString());
    }

    private static String url(String listen, int port) {
        return "http://" + (WILDCARD.equals(listen) ? LOOPBACK : listen) + ":" + port;
    }
}
