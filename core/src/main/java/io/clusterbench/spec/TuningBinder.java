package io.clusterbench.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds the {@code tuning:} list. Each item names its kind by the key holding its target
 * ({@code redis-config: cache}), and the target must be the right sort of thing for that kind.
 */
final class TuningBinder {

    private static final List<String> KIND_KEYS = ActionKind.words();
    /** Keys every action kind takes. */
    private static final List<String> COMMON_KEYS = List.of("id", "optional");

    private final Binding binding;
    private final HostBinder.Hosts hosts;
    private final ServiceBinder.Services services;
    private final ParameterBinder parameters;
    private final Map<String, Node> usedIds = new HashMap<>();

    TuningBinder(Binding binding, HostBinder.Hosts hosts, ServiceBinder.Services services,
            Set<String> probeIds) {
        this.binding = binding;
        this.hosts = hosts;
        this.services = services;
        this.parameters = new ParameterBinder(binding, new ParameterBinder.Known(hosts.ids(), probeIds));
    }

    List<ActionSpec> bind(Optional<List<Node>> section, String path) {
        List<ActionSpec> actions = new ArrayList<>();
        List<Node> items = section.orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            int errorsBefore = binding.errorCount();
            Optional<ActionSpec> action = YamlMap.of(items.get(i), itemPath, binding).flatMap(this::action);
            if (binding.errorCount() == errorsBefore) {
                action.ifPresent(actions::add);
            }
        }
        return actions;
    }

    private Optional<ActionSpec> action(YamlMap m) {
        int errorsBefore = binding.errorCount();
        List<String> allKeys = Stream.of(COMMON_KEYS, KIND_KEYS, ParameterRegistry.allActionParameters())
                .flatMap(List::stream).distinct().toList();
        List<String> kinds = m.present(KIND_KEYS);
        if (kinds.isEmpty()) {
            m.allow(allKeys);
            if (binding.errorCount() == errorsBefore) { // a misspelt kind key is already reported
                m.missing("needs one of " + Suggestions.orList(KIND_KEYS) + ", naming what to change");
            }
            return Optional.empty();
        }
        m.atMostOne(KIND_KEYS);
        ActionKind kind = ActionKind.fromWord(kinds.get(0)).orElseThrow();
        ParameterTable table = ParameterRegistry.action(kind);
        List<String> allowed = Stream.of(COMMON_KEYS, KIND_KEYS, table.names()).flatMap(List::stream).toList();
        m.allow(allowed, allKeys, "a " + kind.word() + " action");
        Optional<String> target = m.text(kind.word()).filter(t -> checkTarget(m, kind, t));
        Optional<String> explicitId = m.text("id").filter(id -> checkExplicitId(m, id));
        Optional<Parameters> bound = parameters.bind(m, table);
        boolean optional = m.flag("optional").orElse(false);
        if (binding.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        String id = explicitId.orElseGet(() -> defaultId(kind.word() + ":" + target.orElseThrow(), m.node()));
        return Optional.of(new ActionSpec(id, kind, target.orElseThrow(), bound.orElseThrow(),
                binding.locate(m.node()), optional));
    }

    private boolean checkTarget(YamlMap m, ActionKind kind, String target) {
        Node at = m.get(kind.word()).orElseThrow();
        String path = m.child(kind.word());
        if (kind == ActionKind.SSH_COMMAND) {
            return Suggestions.checkReference(binding, at, path, "host", "hosts", target, hosts.ids());
        }
        if (!Suggestions.checkReference(binding, at, path, "service", "services", target, services.ids())) {
            return false;
        }
        ServiceType wanted = switch (kind) {
            case REDIS_CONFIG -> ServiceType.REDIS;
            case VLLM_GPU_MEMORY -> ServiceType.OPENAI;
            default -> null;
        };
        ServiceType actual = services.types().get(target);
        if (wanted != null && actual != null && actual != wanted) {
            binding.error(at, path, "'" + target + "' is " + ServiceBinder.article(actual.word()) + " "
                    + actual.word() + " service; " + kind.word() + " needs "
                    + ServiceBinder.article(wanted.word()) + " " + wanted.word() + " service");
            return false;
        }
        return true;
    }

    private boolean checkExplicitId(YamlMap m, String id) {
        Node at = m.get("id").orElseThrow();
        if (!Values.checkId(at, m.child("id"), id, binding)) {
            return false;
        }
        Node first = usedIds.putIfAbsent(id, at);
        if (first != null) {
            binding.error(at, m.child("id"), "duplicate action id '" + id + "' (first at line "
                    + binding.line(first) + ")");
            return false;
        }
        return true;
    }

    // Unnamed actions are named after what they do; a second identical pair gets #2, and so on.
    private String defaultId(String base, Node at) {
        String id = base;
        for (int n = 2; usedIds.containsKey(id); n++) {
            id = base + "#" + n;
        }
        usedIds.put(id, at);
        return id;
    }
}
