package io.clusterbench.spec;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML mapping being bound: keys in file order, duplicates and non-scalar keys reported once when it is opened,
 * unknown keys reported on request, and typed reads that report bad values at the value's position.
 */
final class YamlMap {

    private final MappingNode node;
    private final String path;
    private final Binding binding;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(MappingNode node, String path, Binding binding) {
        this.node = node;
        this.path = path;
        this.binding = binding;
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar)) {
                binding.error(keyNode, path, "keys must be plain words, got " + Values.describe(keyNode));
                continue;
            }
            String key = scalar.getValue();
            NodeTuple first = entries.get(key);
            if (first != null) {
                binding.error(keyNode, child(key),
                        "duplicate key '" + key + "' (first at line " + binding.line(first.getKeyNode()) + ")");
                continue;
            }
            entries.put(key, tuple);
        }
    }

    /** The mapping at {@code node}, or empty after reporting "must be a mapping". */
    static Optional<YamlMap> of(Node node, String path, Binding binding) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new YamlMap(mapping, path, binding));
        }
        binding.error(node, path, "must be a mapping (key: value), got " + Values.describe(node));
        return Optional.empty();
    }

    Node node() {
        return node;
    }

    String path() {
        return path;
    }

    Binding binding() {
        return binding;
    }

    List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Optional<Node> get(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    Node keyNode(String key) {
        return entries.get(key).getKeyNode();
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Reports every key not in {@code allowed}, suggesting a close one or listing the allowed keys. */
    void allow(Collection<String> allowed) {
        allow(allowed, List.of(), "");
    }

    /**
     * Like {@link #allow(Collection)}, but a key in {@code elsewhere} (valid for another type) is reported as not
     * applying to {@code owner}, e.g. "'url' does not apply to a redis service".
     */
    void allow(Collection<String> allowed, Collection<String> elsewhere, String owner) {
        for (String key : entries.keySet()) {
            if (allowed.contains(key)) {
                continue;
            }
            String list = " (allowed: " + String.join(", ", allowed) + ")";
            String message;
            if (elsewhere.contains(key)) {
                message = "'" + key + "' does not apply to " + owner + list;
            } else {
                message = "unknown key '" + key + "'"
                        + Suggestions.closest(key, allowed).map(c -> " (did you mean '" + c + "'?)").orElse(list);
            }
            binding.error(keyNode(key), child(key), message);
        }
    }

    /** Reports "missing required key" at this mapping and returns false when {@code key} is absent. */
    boolean require(String key) {
        if (has(key)) {
            return true;
        }
        missing("missing required key '" + key + "'");
        return false;
    }

    /** Reports {@code message} at this mapping, for keys it lacks. */
    void missing(String message) {
        binding.error(node, path, message);
    }

    /**
     * The one key of {@code keys} that is present; otherwise reports {@code noneMessage} (none present) or, at
     * each later key, that two are both given, and returns empty.
     */
    Optional<String> exactlyOne(List<String> keys, String noneMessage) {
        return exactlyOne(keys, present(keys), noneMessage);
    }

    /** Like {@link #exactlyOne(List, String)}, for callers that decide themselves which keys count as given. */
    Optional<String> exactlyOne(List<String> keys, List<String> present, String noneMessage) {
        if (present.isEmpty()) {
            missing(noneMessage);
            return Optional.empty();
        }
        return atMostOne(keys, present) ? Optional.of(present.get(0)) : Optional.empty();
    }

    /** False after reporting, at each later key, that two of {@code keys} are both given. */
    boolean atMostOne(List<String> keys) {
        return atMostOne(keys, present(keys));
    }

    private boolean atMostOne(List<String> keys, List<String> present) {
        for (int i = 1; i < present.size(); i++) {
            String key = present.get(i);
            binding.error(keyNode(key), child(key), present.get(0) + " and " + key
                    + " are both given; give exactly one of " + Suggestions.orList(keys));
        }
        return present.size() <= 1;
    }

    /** Keys of {@code keys} present here, in file order. */
    List<String> present(List<String> keys) {
        return entries.keySet().stream().filter(keys::contains).toList();
    }

    /**
     * The mapping under {@code key} of this one (a section such as hosts:), or empty when the key is absent or has
     * no value (a section whose entries are all commented out), or after reporting that it is not a mapping.
     */
    Optional<YamlMap> section(String key) {
        return get(key).filter(v -> !Values.isNull(v)).flatMap(v -> YamlMap.of(v, child(key), binding));
    }

    /** The list under {@code key}, or empty when the key is absent or has no value, or after reporting. */
    Optional<List<Node>> sectionList(String key) {
        return get(key).filter(v -> !Values.isNull(v)).flatMap(v -> Values.list(v, child(key), binding));
    }

    Optional<String> text(String key) {
        return get(key).flatMap(v -> Values.text(v, child(key), binding));
    }

    Optional<String> requireText(String key) {
        return require(key) ? text(key) : Optional.empty();
    }

    Optional<Long> whole(String key, long min, long max) {
        return get(key).flatMap(v -> Values.whole(v, child(key), binding, min, max));
    }

    Optional<Double> number(String key, Range range) {
        return get(key).flatMap(v -> Values.number(v, child(key), binding, range));
    }

    Optional<Boolean> flag(String key) {
        return get(key).flatMap(v -> Values.flag(v, child(key), binding));
    }

    Optional<Duration> duration(String key) {
        return get(key).flatMap(v -> Values.duration(v, child(key), binding));
    }

    Optional<URI> url(String key) {
        return get(key).flatMap(v -> Values.url(v, child(key), binding));
    }

    Optional<String> choice(String key, List<String> words) {
        return get(key).flatMap(v -> Values.choice(v, child(key), binding, words));
    }

    Optional<Path> filePath(String key) {
        return get(key).flatMap(v -> Values.filePath(v, child(key), binding));
    }

    Optional<SecretRef> secret(String key) {
        return get(key).flatMap(v -> Values.secret(v, child(key), binding));
    }
}
