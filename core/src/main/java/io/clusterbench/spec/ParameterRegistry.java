package io.clusterbench.spec;

import io.clusterbench.spec.ParameterTable.RuleKind;
import io.clusterbench.spec.ParameterType.Flag;
import io.clusterbench.spec.ParameterType.HostRef;
import io.clusterbench.spec.ParameterType.Length;
import io.clusterbench.spec.ParameterType.ProbeRef;
import io.clusterbench.spec.ParameterType.Real;
import io.clusterbench.spec.ParameterType.RedisSettings;
import io.clusterbench.spec.ParameterType.Text;
import io.clusterbench.spec.ParameterType.Whole;
import io.clusterbench.spec.ParameterType.Words;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where binding finds the parameter tables: each probe kind's in its descriptor, and the actions' here, with
 * which of them must be given together or apart. A new action parameter is one line here (plus docs/tuning.md
 * and the schema).
 */
final class ParameterRegistry {

    private static final Pattern CONTAINER = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    private static final Pattern UNIT = Pattern.compile("[a-zA-Z0-9:_.@\\\\-]+");

    private static final Map<ActionKind, ParameterTable> ACTIONS = new EnumMap<>(ActionKind.class);

    static {
        ACTIONS.put(ActionKind.REDIS_CONFIG, ParameterTable.builder()
                .add("set", new RedisSettings()).add("persist", new Flag())
                .rule(RuleKind.REQUIRED, "set").build());
        ACTIONS.put(ActionKind.SSH_COMMAND, ParameterTable.builder()
                .add("run", new Words(List.of(), true)).add("check", new Words(List.of(), true))
                .add("expectExit", new Whole(0, 255)).add("timeout", new Length())
                .add("undo", new Words(List.of(), true))
                .rule(RuleKind.REQUIRED, "run").build());
        ACTIONS.put(ActionKind.RESTART, ParameterTable.builder()
                .add("host", new HostRef())
                .add("container", new Text(CONTAINER, "a container name of letters, digits, _ . -"))
                .add("unit", new Text(UNIT, "a systemd unit name such as nginx.service"))
                .add("command", new Words(List.of(), true))
                .add("waitFor", new ProbeRef()).add("deadline", new Length())
                .rule(RuleKind.REQUIRED, "host").rule(RuleKind.EXACTLY_ONE, "container", "unit", "command").build());
        ACTIONS.put(ActionKind.VLLM_GPU_MEMORY, ParameterTable.builder()
                .add("want", new Real(new Range(0, false, 1, true))).add("host", new HostRef())
                .rule(RuleKind.REQUIRED, "want").build());
    }

    private ParameterRegistry() {
    }

    static ParameterTable probe(ProbeKind kind) {
        return kind.descriptor().parameters();
    }

    static ParameterTable action(ActionKind kind) {
        return ACTIONS.get(kind);
    }

    /** Every probe parameter name of any kind, to tell "does not apply to a redis probe" from a typo. */
    static List<String> allProbeParameters() {
        return Arrays.stream(ProbeKind.values()).flatMap(k -> probe(k).names().stream()).distinct().toList();
    }

    /** Every action parameter name of any kind. */
    static List<String> allActionParameters() {
        return ACTIONS.values().stream().flatMap(t -> t.names().stream()).distinct().toList();
    }
}
