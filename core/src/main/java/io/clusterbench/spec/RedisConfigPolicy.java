package io.clusterbench.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which Redis parameters a {@code redis-config} action may change with CONFIG SET: an allow-list of runtime
 * tuning parameters, and an explicit refusal, naming the risk, of parameters that write files or run code.
 *
 * <p>Redis config names are case-insensitive, so names are compared in lower case. Value ranges are not checked
 * here; the tuning engine checks them against the server. Public so that the tuning engine applies the same
 * refusals again before sending anything (defence in depth against a spec object built some other way).
 */
public final class RedisConfigPolicy {

    /** Parameters a tuning run may change. */
    static final List<String> ALLOWED = List.of("timeout", "tcp-keepalive", "slowlog-log-slower-than",
            "slowlog-max-len", "maxmemory", "maxmemory-policy", "maxmemory-samples", "hz", "dynamic-hz",
            "latency-monitor-threshold", "lazyfree-lazy-eviction", "lazyfree-lazy-expire",
            "lazyfree-lazy-server-del", "lazyfree-lazy-user-del", "lazyfree-lazy-user-flush", "replica-lazy-flush",
            "maxclients", "activedefrag");

    /** Every parameter starting with this is allowed too (active-defrag-cycle-min, ...). */
    static final String ALLOWED_PREFIX = "active-defrag-";

    private static final String ANY_FILE = "any file the server can write";
    private static final Map<String, String> REFUSED = new LinkedHashMap<>();

    static {
        REFUSED.put("dir", "changes where Redis writes files; with dbfilename it can overwrite " + ANY_FILE
                + " (a known attack)");
        REFUSED.put("dbfilename", "names the file Redis writes snapshots to; with dir it can overwrite " + ANY_FILE
                + " (a known attack)");
        REFUSED.put("logfile", "makes Redis write its log to " + ANY_FILE);
        REFUSED.put("appendfilename", "names the append-only file Redis writes, which can overwrite " + ANY_FILE);
        REFUSED.put("appenddirname", "changes where Redis writes its append-only files, which can overwrite "
                + ANY_FILE);
        REFUSED.put("pidfile", "makes Redis write its process id to " + ANY_FILE);
        REFUSED.put("aclfile", "makes Redis load or save its users and passwords at any path");
        REFUSED.put("unixsocket", "makes Redis create a socket at any path it can write");
        REFUSED.put("include", "makes Redis read another configuration file");
        REFUSED.put("loadmodule", "loads a shared library into Redis, which runs any code in the server");
        REFUSED.put("cluster-config-file", "makes Redis write its cluster state to " + ANY_FILE);
    }

    private RedisConfigPolicy() {
    }

    /** Empty when {@code name} may be set; otherwise the message saying why not. */
    public static Optional<String> check(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        Optional<String> risk = risk(lower);
        if (risk.isPresent()) {
            return Optional.of("'" + name + "' " + risk.get() + ": refused");
        }
        if (ALLOWED.contains(lower) || lower.startsWith(ALLOWED_PREFIX)) {
            return Optional.empty();
        }
        String hint = Suggestions.closest(lower, ALLOWED).map(c -> " (did you mean '" + c + "'?)")
                .orElse(" (allowed: " + String.join(", ", ALLOWED) + ", " + ALLOWED_PREFIX + "*)");
        return Optional.of("'" + name + "' is not on the allow-list of runtime parameters" + hint);
    }

    private static Optional<String> risk(String lower) {
        if (REFUSED.containsKey(lower)) {
            return Optional.of(REFUSED.get(lower));
        }
        if (lower.startsWith("enable-")) {
            return Optional.of("turns on commands that can change protected settings or run code in the server");
        }
        if (lower.endsWith("-command")) {
            return Optional.of("changes which commands the server accepts");
        }
        if (lower.startsWith("tls-") && lower.endsWith("-file")) {
            return Optional.of("makes Redis read keys or certificates from any path");
        }
        return Optional.empty();
    }
}
