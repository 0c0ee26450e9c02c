package io.clusterbench.spec;

import io.clusterbench.spec.ParameterTable.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Binds the parameters of one probe or action against its {@link ParameterTable}. */
final class ParameterBinder {

    /** Ids that reference parameters (restart's host, waitFor) may name. */
    record Known(Collection<String> hosts, Collection<String> probes) {
    }

    private final Binding binding;
    private final Known known;

    ParameterBinder(Binding binding, Known known) {
        this.binding = binding;
        this.known = known;
    }

    /**
     * The parameters of {@code map} named in {@code table} (other keys are the caller's), in file order, or empty
     * when any was bad or a rule of the table was broken (all reported).
     */
    Optional<Parameters> bind(YamlMap map, ParameterTable table) {
        int errorsBefore = binding.errorCount();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, ParameterType> types = table.types();
        for (String name : map.keys()) {
            ParameterType type = types.get(name);
            if (type != null) {
                read(map.get(name).orElseThrow(), map.child(name), type).ifPresent(v -> values.put(name, v));
            }
        }
        for (Rule rule : table.rules()) {
            switch (rule.kind()) {
                case REQUIRED -> rule.names().forEach(map::require);
                case EXACTLY_ONE -> map.exactlyOne(rule.names(),
                        "needs exactly one of " + Suggestions.orList(rule.names()));
                case AT_MOST_ONE -> map.atMostOne(rule.names());
            }
        }
        return binding.errorCount() == errorsBefore ? Optional.of(new Parameters(values)) : Optional.empty();
    }

    private Optional<?> read(Node node, String path, ParameterType type) {
        if (type instanceof ParameterType.Whole whole) {
            return Values.whole(node, path, binding, whole.min(), whole.max());
        }
        if (type instanceof ParameterType.Real real) {
            return Values.number(node, path, binding, real.range());
        }
        if (type instanceof ParameterType.Text text) {
            return Values.text(node, path, binding).filter(t -> matches(node, path, text, t));
        }
        if (type instanceof ParameterType.Choice choice) {
            return Values.choice(node, path, binding, choice.words());
        }
        if (type instanceof ParameterType.Flag) {
            return Values.flag(node, path, binding);
        }
        if (type instanceof ParameterType.Length length) {
            return Values.duration(node, path, binding, length.zeroAllowed());
        }
        if (type instanceof ParameterType.Words words) {
            return words(node, path, words);
        }
        if (type instanceof ParameterType.TextMap textMap) {
            return textMap(node, path, textMap);
        }
        if (type instanceof ParameterType.Reals reals) {
            return reals(node, path, reals);
        }
        if (type instanceof ParameterType.RealMap realMap) {
            return realMap(node, path, realMap);
        }
        if (type instanceof ParameterType.FilePath) {
            return Values.filePath(node, path, binding).map(Object::toString);
        }
        if (type instanceof ParameterType.Profile profile) {
            return new ProfileBinder(binding, profile).read(node, path);
        }
        if (type instanceof ParameterType.HostRef) {
            return Values.text(node, path, binding).filter(id ->
                    Suggestions.checkReference(binding, node, path, "host", "hosts", id, known.hosts()));
        }
        if (type instanceof ParameterType.ProbeRef) {
            return Values.text(node, path, binding).filter(id ->
                    Suggestions.checkReference(binding, node, path, "probe", "probes", id, known.probes()));
        }
        if (type instanceof ParameterType.RedisSettings) {
            return redisSettings(node, path);
        }
        throw new IllegalStateException("no reader for " + type);
    }

    private boolean matches(Node node, String path, ParameterType.Text type, String value) {
        if (type.pattern() == null || type.pattern().matcher(value).matches()) {
            return true;
        }
        binding.error(node, path, "must be " + type.help() + ", got '" + Values.echo(value) + "'");
        return false;
    }

    private Optional<List<String>> words(Node node, String path, ParameterType.Words type) {
        Optional<List<String>> items = Values.textList(node, path, binding, type.nonEmpty());
        if (items.isEmpty() || type.choices().isEmpty()) {
            return items;
        }
        List<Node> nodes = Values.list(node, path, binding).orElseThrow();
        boolean valid = true;
        for (int i = 0; i < nodes.size(); i++) {
            valid &= Values.choice(nodes.get(i), path + "[" + i + "]", binding, type.choices()).isPresent();
        }
        return valid ? items : Optional.empty();
    }

    private Optional<Map<String, String>> textMap(Node node, String path, ParameterType.TextMap type) {
        Optional<YamlMap> map = YamlMap.of(node, path, binding);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        int errorsBefore = binding.errorCount();
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : map.get().keys()) {
            if (!type.keyPattern().matcher(key).matches()) {
                binding.error(map.get().keyNode(key), map.get().child(key),
                        "must be " + type.keyHelp() + ", got '" + Values.echo(key) + "'");
            }
            map.get().text(key).ifPresent(v -> values.put(key, v));
        }
        return binding.errorCount() == errorsBefore ? Optional.of(values) : Optional.empty();
    }

    private Optional<List<Double>> reals(Node node, String path, ParameterType.Reals type) {
        Optional<List<Node>> items = Values.list(node, path, binding);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            binding.error(node, path, "must not be empty");
            return Optional.empty();
        }
        int errorsBefore = binding.errorCount();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            Values.number(items.get().get(i), path + "[" + i + "]", binding, type.range()).ifPresent(values::add);
        }
        return binding.errorCount() == errorsBefore ? Optional.of(values) : Optional.empty();
    }

    private Optional<Map<String, Double>> realMap(Node node, String path, ParameterType.RealMap type) {
        Optional<YamlMap> map = YamlMap.of(node, path, binding);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        int errorsBefore = binding.errorCount();
        map.get().allow(type.keys());
        Map<String, Double> values = new LinkedHashMap<>();
        for (String key : map.get().present(type.keys())) {
            map.get().number(key, type.range()).ifPresent(v -> values.put(key, v));
        }
        return binding.errorCount() == errorsBefore ? Optional.of(values) : Optional.empty();
    }

    // CONFIG SET takes text; booleans become yes/no because that is what Redis accepts for its flags.
    private Optional<Map<String, String>> redisSettings(Node node, String path) {
        Optional<YamlMap> map = YamlMap.of(node, path, binding);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        if (map.get().keys().isEmpty()) {
            binding.error(node, path, "must name at least one parameter to set");
            return Optional.empty();
        }
        int errorsBefore = binding.errorCount();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> firstSpelling = new LinkedHashMap<>();
        for (String name : map.get().keys()) {
            // Redis reads parameter names case-insensitively: timeout and TIMEOUT are one parameter set twice.
            String first = firstSpelling.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (first != null) {
                binding.error(map.get().keyNode(name), map.get().child(name), "duplicate parameter '"
                        + Values.echo(name) + "': Redis reads names without regard to case, and '" + Values.echo(first)
                        + "' (line " + binding.line(map.get().keyNode(first)) + ") sets the same one");
                continue;
            }
            Optional<String> refusal = RedisConfigPolicy.check(name);
            if (refusal.isPresent()) {
                binding.error(map.get().keyNode(name), map.get().child(name), refusal.get());
                continue;
            }
            Node value = map.get().get(name).orElseThrow();
            if (value instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)
                    && !scalar.getValue().isEmpty()) {
                String text = scalar.getValue();
                if (scalar.getTag().equals(Tag.BOOL)) {
                    Optional<Boolean> flag = Values.flag(value, map.get().child(name), binding);
                    if (flag.isEmpty()) {
                        continue;
                    }
                    text = flag.get() ? "yes" : "no";
                }
                values.put(name.toLowerCase(Locale.ROOT), text);
            } else {
                binding.error(value, map.get().child(name),
                        "must be a single value (a number, text, yes/no or true/false), got " + Values.describe(value));
            }
        }
        return binding.errorCount() == errorsBefore ? Optional.of(values) : Optional.empty();
    }
}
