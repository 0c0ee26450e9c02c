package io.clusterbench.tune.redis;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type and range of each allow-listed Redis parameter (from Redis 7.0's {@code config.c}), used to check a
 * value before it is sent and to turn it into the form CONFIG GET reads back ({@code 100mb} -> {@code 104857600},
 * {@code YES} -> {@code yes}, {@code 007} -> {@code 7}), so that read-back compares like with like.
 */
final class ValueRules {

    private static final long INT_MAX = Integer.MAX_VALUE;
    private static final long UINT_MAX = 4_294_967_295L;
    private static final long MAX = Long.MAX_VALUE;
    private static final List<String> POLICIES = List.of("volatile-lru", "allkeys-lru", "volatile-lfu",
            "allkeys-lfu", "volatile-random", "allkeys-random", "volatile-ttl", "noeviction");
    private static final Map<String, Rule> RULES = new HashMap<>();

    static {
        RULES.put("timeout", new Whole(0, INT_MAX, ""));
        RULES.put("tcp-keepalive", new Whole(0, INT_MAX, ""));
        RULES.put("slowlog-log-slower-than", new Whole(-1, MAX, " (-1 turns the slow log off, 0 logs everything)"));
        RULES.put("slowlog-max-len", new Whole(0, MAX, ""));
        RULES.put("latency-monitor-threshold", new Whole(0, MAX, " (milliseconds, 0 turns the monitor off)"));
        // Redis accepts any hz but clamps it to 1..500, so a value outside would never read back as written.
        RULES.put("hz", new Whole(1, 500, " (Redis clamps hz to 1..500)"));
        RULES.put("maxmemory-samples", new Whole(1, 64, ""));
        RULES.put("maxclients", new Whole(1, UINT_MAX, ""));
        RULES.put("active-defrag-threshold-lower", new Whole(0, 1000, " (percent)"));
        RULES.put("active-defrag-threshold-upper", new Whole(0, 1000, " (percent)"));
        RULES.put("active-defrag-cycle-min", new Whole(1, 99, " (percent of CPU)"));
        RULES.put("active-defrag-cycle-max", new Whole(1, 99, " (percent of CPU)"));
        RULES.put("active-defrag-max-scan-fields", new Whole(1, MAX, ""));
        RULES.put("maxmemory", new Memory(0));
        RULES.put("active-defrag-ignore-bytes", new Memory(1));
        RULES.put("maxmemory-policy", new Choice(POLICIES));
        for (String flag : List.of("dynamic-hz", "activedefrag", "replica-lazy-flush", "lazyfree-lazy-eviction",
                "lazyfree-lazy-expire", "lazyfree-lazy-server-del", "lazyfree-lazy-user-del",
                "lazyfree-lazy-user-flush")) {
            RULES.put(flag, new Flag());
        }
    }

    private ValueRules() {
    }

    /**
     * The value as Redis will read it back, or why it cannot be sent. A parameter the table does not know (an
     * allow-listed {@code active-defrag-*} added by a later Redis) is passed through trimmed and left to the server.
     */
    static Checked check(String name, String value) {
        Rule rule = RULES.get(name);
        String trimmed = value.strip();
        if (rule == null) {
            return trimmed.isEmpty() ? Checked.bad(name + " needs a value") : Checked.ok(trimmed);
        }
        return rule.check(name, trimmed);
    }

    /** A checked value: exactly one of canonical form or problem. */
    record Checked(Optional<String> canonical, Optional<String> problem) {
        static Checked ok(String canonical) {
            return new Checked(Optional.of(canonical), Optional.empty());
        }

        static Checked bad(String problem) {
            return new Checked(Optional.empty(), Optional.of(problem));
        }
    }

    private interface Rule {
        Checked check(String name, String value);
    }

    private record Whole(long min, long max, String hint) implements Rule {
        // Redis refuses leading zeros and a plus sign; this accepts both and sends the plain number instead.
        private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+");

        @Override
        public Checked check(String name, String value) {
            String range = name + " must be a whole number from " + min + " to " + max + hint + ", got '" + value
                    + "'";
            if (!NUMBER.matcher(value).matches()) {
                return Checked.bad(range);
            }
            try {
                long number = Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
                return number < min || number > max ? Checked.bad(range) : Checked.ok(Long.toString(number));
            } catch (NumberFormatException e) {
                return Checked.bad(range);
            }
        }
    }

    /** Bytes with Redis's units: k/m/g are powers of 1000, kb/mb/gb powers of 1024, case ignored. */
    private record Memory(long min) implements Rule {
        private static final Pattern AMOUNT = Pattern.compile("([0-9]+)(b|k|kb|m|mb|g|gb)?",
                Pattern.CASE_INSENSITIVE);

        @Override
        public Checked check(String name, String value) {
            String expected = name + " must be a whole number of bytes of at least " + min
                    + ", optionally with a unit (b, k, kb, m, mb, g, gb; 100mb = 104857600), got '" + value + "'";
            Matcher m = AMOUNT.matcher(value);
            if (!m.matches()) {
                return Checked.bad(expected);
            }
            try {
                long bytes = Math.multiplyExact(Long.parseLong(m.group(1)), unit(m.group(2)));
                return bytes < min ? Checked.bad(expected) : Checked.ok(Long.toString(bytes));
            } catch (NumberFormatException | ArithmeticException e) {
                return Checked.bad(name + " '" + value + "' is more bytes than Redis can hold");
            }
        }

        private static long unit(String unit) {
            return switch (unit == null ? "b" : unit.toLowerCase(Locale.ROOT)) {
                case "k" -> 1000L;
                case "kb" -> 1024L;
                case "m" -> 1000L * 1000;
                case "mb" -> 1024L * 1024;
                case "g" -> 1000L * 1000 * 1000;
                case "gb" -> 1024L * 1024 * 1024;
                default -> 1L;
            };
        }
    }

    private record Choice(List<String> choices) implements Rule {
        @Override
        public Checked check(String name, String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            return choices.contains(lower) ? Checked.ok(lower)
                    : Checked.bad(name + " must be one of " + String.join(", ", choices) + ", got '" + value + "'");
        }
    }

    private record Flag() implements Rule {
        @Override
        public Checked check(String name, String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            return lower.equals("yes") || lower.equals("no") ? Checked.ok(lower)
                    : Checked.bad(name + " must be yes or no (or unquoted true/false in YAML), got '" + value + "'");
        }
    }
}
