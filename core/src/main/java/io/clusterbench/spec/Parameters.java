package io.clusterbench.spec;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The checked parameters of a probe or action, by name, in file order.
 *
 * <p>Values are Long (whole numbers), Double (numbers), String, Boolean, Duration, {@code List<String>},
 * {@code List<Double>}, {@code Map<String, String>} or {@code Map<String, Double>}; which name has which type is
 * fixed by the parameter tables, so a getter of the wrong type is a programming error and throws
 * {@link IllegalStateException}. Parameters never hold secrets.
 */
public final class Parameters {

    /** No parameters. */
    public static final Parameters EMPTY = new Parameters(Map.of());

    private final Map<String, Object> values;

    public Parameters(Map<String, Object> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> copy.put(Objects.requireNonNull(name), immutable(value)));
        this.values = Collections.unmodifiableMap(copy);
    }

    private static Object immutable(Object value) {
        Objects.requireNonNull(value, "parameter value");
        if (value instanceof List<?> list) {
            return List.copyOf(list);
        }
        if (value instanceof Map<?, ?> map) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }
        return value;
    }

    /** Every parameter, in file order. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** The names given. */
    public Set<String> names() {
        return values.keySet();
    }

    /** Whether {@code name} was given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    public OptionalLong optionalLong(String name) {
        Long value = get(name, Long.class);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    public long longValue(String name, long defaultValue) {
        return optionalLong(name).orElse(defaultValue);
    }

    /** A number parameter; whole-number parameters are returned as doubles too. */
    public OptionalDouble optionalDouble(String name) {
        Object value = values.get(name);
        if (value == null) {
            return OptionalDouble.empty();
        }
        if (value instanceof Long || value instanceof Double) {
            return OptionalDouble.of(((Number) value).doubleValue());
        }
        throw wrongType(name, Double.class, value);
    }

    public double doubleValue(String name, double defaultValue) {
        return optionalDouble(name).orElse(defaultValue);
    }

    public Optional<String> optionalString(String name) {
        return Optional.ofNullable(get(name, String.class));
    }

    public String string(String name, String defaultValue) {
        return optionalString(name).orElse(defaultValue);
    }

    public Optional<Boolean> optionalBoolean(String name) {
        return Optional.ofNullable(get(name, Boolean.class));
    }

    public boolean bool(String name, boolean defaultValue) {
        return optionalBoolean(name).orElse(defaultValue);
    }

    public Optional<Duration> optionalDuration(String name) {
        return Optional.ofNullable(get(name, Duration.class));
    }

    public Duration duration(String name, Duration defaultValue) {
        return optionalDuration(name).orElse(defaultValue);
    }

    /** A list of words (or command arguments); empty when not given. */
    @SuppressWarnings("unchecked")
    public List<String> stringList(String name) {
        List<?> list = get(name, List.class);
        return list == null ? List.of() : (List<String>) checkElements(name, list, String.class);
    }

    /** A list of numbers; empty when not given. */
    @SuppressWarnings("unchecked")
    public List<Double> doubleList(String name) {
        List<?> list = get(name, List.class);
        return list == null ? List.of() : (List<Double>) checkElements(name, list, Double.class);
    }

    /** A map of text to text; empty when not given. */
    @SuppressWarnings("unchecked")
    public Map<String, String> stringMap(String name) {
        Map<?, ?> map = get(name, Map.class);
        return map == null ? Map.of() : (Map<String, String>) checkValues(name, map, String.class);
    }

    /** A map of text to numbers; empty when not given. */
    @SuppressWarnings("unchecked")
    public Map<String, Double> doubleMap(String name) {
        Map<?, ?> map = get(name, Map.class);
        return map == null ? Map.of() : (Map<String, Double>) checkValues(name, map, Double.class);
    }

    private <T> T get(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw wrongType(name, type, value);
        }
        return type.cast(value);
    }

    private static List<?> checkElements(String name, List<?> list, Class<?> type) {
        for (Object element : list) {
            if (!type.isInstance(element)) {
                throw wrongType(name, type, element);
            }
        }
        return list;
    }

    private static Map<?, ?> checkValues(String name, Map<?, ?> map, Class<?> type) {
        for (Object element : map.values()) {
            if (!type.isInstance(element)) {
                throw wrongType(name, type, element);
            }
        }
        return map;
    }

    private static IllegalStateException wrongType(String name, Class<?> wanted, Object value) {
        return new IllegalStateException("parameter '" + name + "' holds " + value.getClass().getSimpleName()
                + ", not " + wanted.getSimpleName() + "; check the parameter tables");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parameters p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
