package io.clusterbench.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

/**
 * Generates YAML and JSON documents for the fuzz tests from a seed, so that jqwik's reported seed reproduces a
 * case: random structure over the real vocabulary, valid specs with one to three mutations, and deep nesting.
 */
final class Documents {

    /** A valid spec of most sections; the mutations start from it. */
    static final String VALID_SPEC = """
            cluster: memory-system
            hosts:
              sark: { address: 10.0.0.69, user: ops, hostKey: "SHA256:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" }
            services:
              cache: { type: redis, host: sark, port: 6379, password: "${env:REDIS_PASSWORD}" }
              llm: { type: openai, url: "http://10.0.0.69:8000", model: my-model }
              lb: { type: http, url: "http://10.0.0.69:8889/health" }
              metrics: { type: prometheus, url: "http://10.0.0.69:9090" }
            probes:
              cache-latency: { service: cache, clients: 5, requests: 1000, commands: [get, set] }
              lb-latency: { service: lb, duration: 2s }
              gpu-metrics: { type: promql, service: metrics, query: "avg(up)" }
            tuning:
              - { redis-config: cache, set: { timeout: 300, tcp-keepalive: 300 } }
            objectives:
              - { metric: cache-latency.get.p99_ms, pass: "<= 2", warning: "<= 5", weight: 2 }
              - { metric: lb-latency.p99_ms, pass: "<= +10%", key: true }
            score: { pass: 90, warning: 75 }
            settings: { rollback: true }
            """;

    private Documents() {
    }

    /** A random document whose top is usually a mapping of spec words, in flow or block style. */
    static String spec(Random random) {
        int depth = random.nextInt(50) == 0 ? 60 + random.nextInt(200) : 1 + random.nextInt(5);
        StringBuilder text = new StringBuilder();
        if (random.nextBoolean()) {
            flow(text, random, depth, true);
        } else {
            block(text, random, depth, 0);
        }
        return text.toString();
    }

    /** The valid spec with one to three text mutations. */
    static String mutatedSpec(Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(VALID_SPEC.split("\n")));
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(6)) {
                case 0 -> lines.set(at, replaceValue(line, random));
                case 1 -> lines.remove(at);
                case 2 -> lines.add(at, line.toUpperCase());
                case 3 -> lines.add(at, "  ".repeat(random.nextInt(3)) + Junk.key(random, Junk.SPEC_WORDS) + ": "
                        + scalar(random));
                case 4 -> lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
                default -> lines.set(at, line.replaceFirst("\\d+", Matcher.quoteReplacement(scalar(random))));
            }
            if (lines.isEmpty()) {
                lines.add("cluster: x");
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static String replaceValue(String line, Random random) {
        int colon = line.lastIndexOf(": ");
        return colon < 0 ? line + " " + scalar(random) : line.substring(0, colon + 2) + scalar(random)
                + (line.trim().endsWith("}") ? " }" : "");
    }

    /** A scalar as YAML text: a chosen troublemaker, a number, or junk text in double quotes. */
    static String scalar(Random random) {
        return switch (random.nextInt(4)) {
            case 0, 1 -> Junk.SCALARS.get(random.nextInt(Junk.SCALARS.size()));
            case 2 -> Long.toString(random.nextLong() >> random.nextInt(64));
            default -> quoted(Junk.text(random));
        };
    }

    /** Text as a JSON/YAML double-quoted string, with control characters as escapes. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static void flow(StringBuilder text, Random random, int depth, boolean mapping) {
        if (depth <= 0) {
            text.append(scalar(random));
            return;
        }
        int size = depth > 10 ? 1 : random.nextInt(4);
        text.append(mapping ? "{" : "[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                text.append(", ");
            }
            if (mapping) {
                text.append(quoted(Junk.key(random, Junk.SPEC_WORDS))).append(": ");
            }
            if (random.nextInt(3) == 0 && depth <= 10) {
                text.append(scalar(random));
            } else {
                flow(text, random, depth - 1, random.nextBoolean());
            }
        }
        text.append(mapping ? "}" : "]");
    }

    private static void block(StringBuilder text, Random random, int depth, int indent) {
        int size = 1 + random.nextInt(depth > 10 ? 1 : 4);
        for (int i = 0; i < size; i++) {
            String key = Junk.key(random, Junk.SPEC_WORDS);
            text.append("  ".repeat(indent)).append(key.startsWith(Junk.MARKER) ? quoted(key) : key).append(':');
            if (depth <= 1 || random.nextInt(3) == 0 && depth <= 10) {
                text.append(' ').append(scalar(random)).append('\n');
            } else if (random.nextInt(4) == 0) {
                text.append(' ');
                flow(text, random, Math.min(depth - 1, 4), random.nextBoolean());
                text.append('\n');
            } else {
                text.append('\n');
                block(text, random, depth - 1, indent + 1);
            }
        }
    }
}
