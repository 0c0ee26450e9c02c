package io.clusterbench.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Random pieces of input for the fuzz tests: words of the real vocabulary mixed with junk, and scalars chosen to
 * break readers (huge and special numbers, control characters, unicode, YAML tags and anchors).
 *
 * <p>Every junk string carries {@link #MARKER}, so a property can check that a reader's message never quotes it.
 */
final class Junk {

    /** Put into every generated junk text; a message that contains it quoted the input. */
    static final String MARKER = "ZQXJ";

    static final List<String> SPEC_WORDS = List.of("cluster", "hosts", "services", "probes", "tuning", "objectives",
            "score", "settings", "baseline", "trend", "type", "address", "port", "user", "url", "model", "service",
            "requests", "clients", "commands", "metric", "pass", "warning", "weight", "key", "nodata", "redis-config",
            "set", "timeout", "TIMEOUT", "tcp-keepalive", "restart", "host", "container", "waitFor", "rollback",
            "keyFile", "password", "hostKey", "knownHosts", "insecureAcceptAnyHostKey", "query", "duration",
            "rate", "concurrency", "rounds", "warmup", "maxParallelProbes", "metrics", "redis", "http", "openai",
            "chroma", "prometheus", "promql", "gpu", "cache", "llm", "sark", "cache-latency");

    static final List<String> SCALARS = List.of("0", "-1", "1", "22", "65535", "65536", "99999", "1e308", "-1e308",
            "1e999", "99999999999999999999999999", "1.5", "-0", ".inf", "-.inf", ".nan", "NaN", "true", "false",
            "yes", "no", "on", "null", "~", "!!bool yes", "!!bool maybe", "!!bool true", "!!int abc", "!!float x",
            "\"<= 2\"", "\"<= +10%\"", "\">= 1e308\"", "\"${env:REDIS_PASSWORD}\"", "\"${file:/etc/passwd}\"",
            "\"http://10.0.0.69:8000\"", "\"http://h:99999\"", "\"http://h:0/x\"", "\"10s\"", "\"0s\"",
            "\"127.0.0.1\"", "*anchor", "&anchor 1", "\"\"", "[]", "{}", "\"\\u0000\"", "\"\\e[2J\"");

    private Junk() {
    }

    /** A key: mostly real words, sometimes junk. */
    static String key(Random random, List<String> words) {
        return random.nextInt(4) == 0 ? text(random) : words.get(random.nextInt(words.size()));
    }

    /** Junk text with the marker, control characters, quotes, unicode and sometimes great length. */
    static String text(Random random) {
        StringBuilder text = new StringBuilder(MARKER);
        int length = random.nextInt(10) == 0 ? 2_000 : random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(9)) {
                case 0 -> (char) random.nextInt(32);
                case 1 -> "\u001b[31m";
                case 2 -> "\u202e";
                case 3 -> "\"";
                case 4 -> "\ud83d\ude00";
                case 5 -> ": ";
                case 6 -> "\\";
                default -> (char) ('a' + random.nextInt(26));
            });
        }
        return text.toString();
    }

    /** Whether {@code message} holds a raw control character (a line break between problems is allowed). */
    static boolean hasRawControl(String message) {
        return message.chars().anyMatch(c -> c != '\n' && Character.isISOControl(c));
    }
}
