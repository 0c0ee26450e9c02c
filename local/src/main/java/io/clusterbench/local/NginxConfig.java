package io.clusterbench.local;

import java.nio.file.Path;
import java.util.List;

/** Writes the balancer's nginx.conf and reads nginx's error log for reloads. */
final class NginxConfig {

    /** The path a balancer in front of other servers answers itself (204), for readiness checks. */
    static final String READY_PATH = "/.clusterbench-ready";

    private NginxConfig() {
    }

    /** The folder, inside the server's, whose files the HTTPS server serves. */
    static final String DOCUMENT_ROOT = "files";
    /** The HTTPS server's access log, in {@link ServedRequest#LOG_FORMAT}. */
    static final String TLS_ACCESS_LOG = "tls-access.log";

    /**
     * A balancer listening on {@code listen} (an IPv4 address: loopback by default, any other for tests whose
     * clients send from elsewhere) in front of upstream servers of its own, which stay on loopback.
     */
    static String balancer(Path dir, String listen, int port, List<Integer> upstreamPorts, List<String> upstreamNames,
            String instance, boolean root) {
        return balancer(dir, listen, port, upstreamPorts, upstreamNames, instance, root, "");
    }

    /**
     * The balancer with its upstreams and, beside it, an HTTPS server on {@code tlsPort} that balances the same
     * way and serves the files of {@link #DOCUMENT_ROOT} three ways: under {@code /files/} with a Content-Length,
     * under {@code /chunked/} chunked, under {@code /to-close/} to the close of the connection.
     */
    static String balancerWithTls(Path dir, String listen, int port, List<Integer> upstreamPorts,
            List<String> upstreamNames, String instance, boolean root, int tlsPort, NginxTls tls) {
        return balancer(dir, listen, port, upstreamPorts, upstreamNames, instance, root,
                tlsServer(dir, tlsPort, tls, instance));
    }

    private static String balancer(Path dir, String listen, int port, List<Integer> upstreamPorts,
            List<String> upstreamNames, String instance, boolean root, String moreServers) {
        List<String> upstreams = upstreamPorts.stream().map(p -> LocalServer.LOOPBACK + ":" + p).toList();
        StringBuilder text = httpStart(dir, root, upstreams);
        for (int i = 0; i < upstreamPorts.size(); i++) {
            String name = upstreamNames.get(i);
            text.append("    server {\n")
                    .append("        listen ").append(LocalServer.LOOPBACK).append(':').append(upstreamPorts.get(i))
                    .append(";\n")
                    .append("        location = /health {\n            return 200 \"").append(name)
                    .append("\\n\";\n        }\n")
                    .append("        location / {\n            return 200 \"").append(name)
                    .append("\\n\";\n        }\n")
                    .append("    }\n");
        }
        text.append(moreServers);
        return httpEnd(text, listen, port, instance, "");
    }

    private static String tlsServer(Path dir, int tlsPort, NginxTls tls, String instance) {
        Path files = dir.resolve(DOCUMENT_ROOT);
        // SSI is on only to take the Content-Length away (nginx then chunks the body, or, with chunking off, ends
        // it by closing the connection); the files hold no SSI commands.
        String framings = "        location /files/ {\n            alias " + files + "/;\n        }\n"
                + "        location /chunked/ {\n            alias " + files + "/;\n"
                + "            ssi on;\n            ssi_types text/plain;\n        }\n"
                + "        location /to-close/ {\n            alias " + files + "/;\n"
                + "            ssi on;\n            ssi_types text/plain;\n"
                + "            chunked_transfer_encoding off;\n        }\n";
        return "    log_format clusterbench_tls '" + ServedRequest.LOG_FORMAT + "';\n"
                + "    server {\n"
                + "        listen " + LocalServer.LOOPBACK + ":" + tlsPort + " ssl;\n"
                + "        ssl_certificate " + tls.certificate().certificateFile().toAbsolutePath() + ";\n"
                + "        ssl_certificate_key " + tls.certificate().privateKeyFile().toAbsolutePath() + ";\n"
                + "        ssl_protocols " + String.join(" ", tls.protocols()) + ";\n"
                + "        access_log " + dir.resolve(TLS_ACCESS_LOG) + " clusterbench_tls;\n"
                + framings
                + "        location / {\n"
                + "            proxy_pass http://upstreams;\n"
                + "            add_header " + LocalNginxBalancer.INSTANCE_HEADER + " " + instance + " always;\n"
                + "        }\n"
                + "    }\n";
    }

    /**
     * A balancer in front of servers run by someone else, given as {@code host:port}; it answers
     * {@link #READY_PATH} itself, so that waiting for it never sends a request to those servers.
     */
    static String frontOf(Path dir, int port, List<String> upstreams, String instance, boolean root) {
        return httpEnd(httpStart(dir, root, upstreams), LocalServer.LOOPBACK, port, instance,
                "        location = " + READY_PATH + " {\n"
                        + "            add_header " + LocalNginxBalancer.INSTANCE_HEADER + " " + instance + " always;\n"
                        + "            return 204;\n        }\n");
    }

    private static StringBuilder httpStart(Path dir, boolean root, List<String> upstreams) {
        StringBuilder text = new StringBuilder()
                .append("# Written by Cluster Bench for a private local instance.\n")
                .append("daemon off;\n");
        if (root) {
            // Without it the workers run as nobody, who may not exist and cannot read a private temp folder.
            text.append("user root root;\n");
        }
        text.append("worker_processes 1;\n")
                .append("pid ").append(dir.resolve("nginx.pid")).append(";\n")
                .append("error_log ").append(dir.resolve("error.log")).append(" notice;\n")
                // Each proxied request holds three connections in the one worker (client, to and from the upstream
                // block): 4096 serves the http benchmark's 1000 client connections without refusing any.
                .append("events {\n    worker_connections 4096;\n}\n")
                .append("http {\n")
                .append("    access_log ").append(dir.resolve("access.log")).append(";\n");
        for (String kind : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            text.append("    ").append(kind).append("_temp_path ").append(dir.resolve("temp").resolve(kind))
                    .append(";\n");
        }
        text.append("    default_type text/plain;\n")
                .append("    upstream upstreams {\n");
        for (String upstream : upstreams) {
            text.append("        server ").append(upstream).append(";\n");
        }
        text.append("    }\n");
        return text;
    }

    private static String httpEnd(StringBuilder text, String listen, int port, String instance,
            String ownLocations) {
        text.append("    server {\n")
                .append("        listen ").append(listen).append(':').append(port).append(";\n")
                .append(ownLocations)
                .append("        location / {\n")
                .append("            proxy_pass http://upstreams;\n")
                .append("            add_header ").append(LocalNginxBalancer.INSTANCE_HEADER).append(' ')
                .append(instance).append(" always;\n")
                .append("        }\n")
                .append("    }\n")
                .append("}\n");
        return text.toString();
    }

    /** How many times the master with this pid has started reconfiguring, per its error log. */
    static int reconfigurations(String errorLog, long masterPid) {
        return (int) errorLog.lines().filter(line -> isReconfiguration(line, masterPid)).count();
    }

    /** The log lines after the n-th (1-based) reconfiguration of the master; empty if there is none yet. */
    static List<String> linesAfterReconfiguration(String errorLog, long masterPid, int n) {
        List<String> lines = errorLog.lines().toList();
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (isReconfiguration(lines.get(i), masterPid) && ++seen == n) {
                return lines.subList(i + 1, lines.size());
            }
        }
        return List.of();
    }

    private static boolean isReconfiguration(String line, long masterPid) {
        return line.contains(" " + masterPid + "#") && line.endsWith(": reconfiguring");
    }
}
