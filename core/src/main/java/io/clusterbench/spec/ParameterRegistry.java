package io.clusterbench.spec;

import io.clusterbench.spec.ParameterType.Choice;
import io.clusterbench.spec.ParameterType.FilePath;
import io.clusterbench.spec.ParameterType.Flag;
import io.clusterbench.spec.ParameterType.HostRef;
import io.clusterbench.spec.ParameterType.Length;
import io.clusterbench.spec.ParameterType.ProbeRef;
import io.clusterbench.spec.ParameterType.RealMap;
import io.clusterbench.spec.ParameterType.Reals;
import io.clusterbench.spec.ParameterType.Real;
import io.clusterbench.spec.ParameterType.RedisSettings;
import io.clusterbench.spec.ParameterType.Text;
import io.clusterbench.spec.ParameterType.TextMap;
import io.clusterbench.spec.ParameterType.Whole;
import io.clusterbench.spec.ParameterType.Words;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one place that lists, per probe kind and per action kind, which parameters exist, their types and ranges,
 * and which must be given together or apart. A new parameter is one line here (plus docs/spec.md and the schema).
 */
final class ParameterRegistry {

    /** Parameters of one probe or action kind, in documentation order, with their rules. */
    record Table(Map<String, ParameterType> types, List<Rule> rules) {
        List<String> names() {
            return List.copyOf(types.keySet());
        }
    }

    /** A rule over several parameters. */
    record Rule(RuleKind kind, List<String> names) {
    }

    /** What a rule demands. */
    enum RuleKind { REQUIRED, EXACTLY_ONE, AT_MOST_ONE }

    private static final long MAX = Long.MAX_VALUE;
    private static final Pattern CONTAINER = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    private static final Pattern UNIT = Pattern.compile("[a-zA-Z0-9:_.@\\\\-]+");
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]*");

    static final List<String> REDIS_COMMANDS = List.of("ping", "get", "set", "incr", "lpush", "rpop", "hset", "hget");
    static final List<String> HTTP_METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private static final Map<ProbeKind, Table> PROBES = new EnumMap<>(ProbeKind.class);
    private static final Map<ActionKind, Table> ACTIONS = new EnumMap<>(ActionKind.class);

    static {
        PROBES.put(ProbeKind.REDIS, new Builder()
                .add("clients", new Whole(1, MAX)).add("pipeline", new Whole(1, MAX))
                .add("requests", new Whole(1, MAX)).add("duration", new Length())
                .add("commands", new Words(REDIS_COMMANDS, true)).add("valueSize", new Whole(1, 512L * 1024 * 1024))
                .add("keyPrefix", Text.any()).add("database", new Whole(0, Integer.MAX_VALUE))
                .add("tls", new Flag())
                .rule(RuleKind.AT_MOST_ONE, "requests", "duration").build());
        PROBES.put(ProbeKind.HTTP, new Builder()
                .add("rate", new Real(Range.above(0))).add("concurrency", new Whole(1, MAX))
                .add("duration", new Length()).add("requests", new Whole(1, MAX))
                .add("method", new Choice(HTTP_METHODS))
                .add("headers", new TextMap(HEADER, "an HTTP header name"))
                .add("body", Text.any()).add("expectStatus", new Whole(100, 599)).add("timeout", new Length())
                .rule(RuleKind.EXACTLY_ONE, "rate", "concurrency")
                .rule(RuleKind.AT_MOST_ONE, "duration", "requests").build());
        PROBES.put(ProbeKind.OPENAI, new Builder()
                .add("requestRate", new Real(Range.above(0))).add("burstiness", new Real(Range.above(0)))
                .add("requests", new Whole(1, MAX)).add("maxConcurrency", new Whole(1, MAX))
                .add("promptTokens", new Whole(1, MAX)).add("maxTokens", new Whole(1, MAX))
                .add("warmupRequests", new Whole(0, MAX)).add("seed", new Whole(Long.MIN_VALUE, MAX))
                .add("endpoint", new Choice(List.of("completions", "chat"))).add("promptsFile", new FilePath())
                .add("percentiles", new Reals(new Range(0, false, 100, false)))
                .add("goodput", new RealMap(List.of("ttft_ms", "tpot_ms", "e2el_ms"), Range.above(0)))
                .add("metrics", new Flag()).add("timeout", new Length()).build());
        PROBES.put(ProbeKind.CHROMA, new Builder()
                .add("collection", Text.any()).add("queries", new Whole(1, MAX)).add("nResults", new Whole(1, MAX))
                .add("timeout", new Length()).build());
        PROBES.put(ProbeKind.PROMQL, new Builder()
                .add("query", Text.any()).add("queries", new TextMap(NAME, "a name of letters, digits, . _ -"))
                .rule(RuleKind.EXACTLY_ONE, "query", "queries").build());
        PROBES.put(ProbeKind.HOST, new Builder()
                .add("cpuInterval", new Length()).add("mounts", new Words(List.of(), true)).build());
        PROBES.put(ProbeKind.GPU, new Builder().build());

        ACTIONS.put(ActionKind.REDIS_CONFIG, new Builder()
                .add("set", new RedisSettings()).add("persist", new Flag())
                .rule(RuleKind.REQUIRED, "set").build());
        ACTIONS.put(ActionKind.SSH_COMMAND, new Builder()
                .add("run", new Words(List.of(), true)).add("check", new Words(List.of(), true))
                .add("expectExit", new Whole(0, 255)).add("timeout", new Length())
                .add("undo", new Words(List.of(), true))
                .rule(RuleKind.REQUIRED, "run").build());
        ACTIONS.put(ActionKind.RESTART, new Builder()
                .add("host", new HostRef())
                .add("container", new Text(CONTAINER, "a container name of letters, digits, _ . -"))
                .add("unit", new Text(UNIT, "a systemd unit name such as nginx.service"))
                .add("command", new Words(List.of(), true))
                .add("waitFor", new ProbeRef()).add("deadline", new Length())
                .rule(RuleKind.REQUIRED, "host").rule(RuleKind.EXACTLY_ONE, "container", "unit", "command").build());
        ACTIONS.put(ActionKind.VLLM_GPU_MEMORY, new Builder()
                .add("want", new Real(new Range(0, false, 1, true))).add("host", new HostRef())
                .rule(RuleKind.REQUIRED, "want").build());
    }

    private ParameterRegistry() {
    }

    static Table probe(ProbeKind kind) {
        return PROBES.get(kind);
    }

    static Table action(ActionKind kind) {
        return ACTIONS.get(kind);
    }

    /** Every probe parameter name of any kind, to tell "does not apply to a redis probe" from a typo. */
    static List<String> allProbeParameters() {
        return PROBES.values().stream().flatMap(t -> t.names().stream()).distinct().toList();
    }

    /** Every action parameter name of any kind. */
    static List<String> allActionParameters() {
        return ACTIONS.values().stream().flatMap(t -> t.names().stream()).distinct().toList();
    }

    private static final class Builder {
        private final Map<String, ParameterType> types = new LinkedHashMap<>();
        private final List<Rule> rules = new ArrayList<>();

        Builder add(String name, ParameterType type) {
            types.put(name, type);
            return this;
        }

        Builder rule(RuleKind kind, String... names) {
            rules.add(new Rule(kind, List.of(names)));
            return this;
        }

        Table build() {
            return new Table(Collections.unmodifiableMap(types), List.copyOf(rules));
        }
    }
}
