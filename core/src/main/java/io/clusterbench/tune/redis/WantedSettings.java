package io.clusterbench.tune.redis;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.spec.ActionSpec;
import io.clusterbench.spec.RedisConfigPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one redis-config action asks for, read from its spec entry and checked again here.
 *
 * @param action the action's id and where it was written, for messages
 * @param written parameter to value as written in the spec (names in lower case)
 * @param canonical parameter to value as Redis reads it back, for the values that are valid
 * @param problems why some values cannot be sent, one sentence each; empty when all are valid
 * @param persist whether to run CONFIG REWRITE after a verified set
 */
record WantedSettings(String action, Map<String, String> written, Map<String, String> canonical,
        List<String> problems, boolean persist) {

    /** A Redis config name: a glob character here would make CONFIG GET read other parameters. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    WantedSettings {
        written = ordered(written);
        canonical = ordered(canonical);
        problems = List.copyOf(problems);
    }

    /**
     * Reads the action's {@code set} and {@code persist}. A refused or unknown parameter throws: the spec loader
     * refuses them already, and this guard refuses them again so that no spec object, however built, can send
     * {@code dir} or {@code enable-debug-command}. Bad values do not throw here; see {@link #problems()}.
     */
    static WantedSettings of(ActionSpec spec) throws ClusterBenchException {
        String action = "redis-config action '" + spec.id() + "' (" + spec.location() + ")";
        Map<String, String> set = spec.parameters().stringMap("set");
        if (set.isEmpty()) {
            throw new ClusterBenchException(Kind.INVALID_SPEC, action + " names no parameter to set: add"
                    + " set: { PARAMETER: VALUE }");
        }
        Map<String, String> written = new LinkedHashMap<>();
        Map<String, String> canonical = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : set.entrySet()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            Optional<String> refusal = RedisConfigPolicy.check(name)
                    .or(() -> NAME.matcher(name).matches() ? Optional.empty()
                            : Optional.of("'" + name + "' is not a Redis parameter name"));
            if (refusal.isPresent()) {
                throw new ClusterBenchException(Kind.INVALID_SPEC, action + ": " + refusal.get()
                        + "; nothing was sent");
            }
            written.put(name, entry.getValue());
            ValueRules.Checked checked = ValueRules.check(name, entry.getValue());
            checked.canonical().ifPresent(value -> canonical.put(name, value));
            checked.problem().ifPresent(problems::add);
        }
        return new WantedSettings(action, written, canonical, problems, spec.parameters().bool("persist", false));
    }

    /** The parameter names, in spec order. */
    List<String> names() {
        return List.copyOf(written.keySet());
    }

    /** What the plan shows as wanted: the canonical value where valid, else the value as written. */
    Map<String, String> shown() {
        Map<String, String> shown = new LinkedHashMap<>(written);
        shown.putAll(canonical);
        return shown;
    }

    /** Values whose canonical form differs from how they were written, for the plan's note: maxmemory 100mb = .... */
    List<String> conversions() {
        List<String> conversions = new ArrayList<>();
        canonical.forEach((name, value) -> {
            if (!value.equals(written.get(name).strip())) {
                conversions.add(name + " " + written.get(name).strip() + " is sent as " + value);
            }
        });
        return conversions;
    }

    /** Fails when a value is invalid, before anything is sent. */
    void requireValid() throws ClusterBenchException {
        if (!problems.isEmpty()) {
            throw new ClusterBenchException(Kind.INVALID_SPEC, action + ": " + String.join("; ", problems)
                    + "; nothing was sent for this action: fix the value in the spec");
        }
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
