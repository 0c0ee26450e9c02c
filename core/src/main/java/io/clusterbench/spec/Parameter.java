package io.clusterbench.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One parameter of a probe or action kind: its name, its type with its limits, its default and unit. The spec
 * loader checks written values against it and the probe reads them (or the default) through it, so a limit or a
 * default lives in exactly one place.
 *
 * @param name the key written in the spec
 * @param type the type and allowed values
 * @param valueType the Java type a checked value is bound to
 * @param defaultValue what the probe uses when the spec leaves the parameter out, if one fixed value
 * @param defaultText the default as docs/probes.md says it ({@code `50`}, or words such as "any 2xx"); "" for none
 * @param unit the unit of a number, such as {@code bytes}; "" when it has none
 * @param <T> the Java type of a value
 */
public record Parameter<T>(String name, ParameterType type, Class<?> valueType, Optional<T> defaultValue,
        String defaultText, String unit) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(defaultText, "defaultText");
        Objects.requireNonNull(unit, "unit");
    }

    static Parameter<Long> whole(String name, long min, long max) {
        return new Parameter<>(name, new ParameterType.Whole(min, max), Long.class, Optional.empty(), "", "");
    }

    static Parameter<Double> real(String name, Range range) {
        return new Parameter<>(name, new ParameterType.Real(range), Double.class, Optional.empty(), "", "");
    }

    /** Text, a choice of words or a file path: every type bound to a String. */
    static Parameter<String> text(String name, ParameterType type) {
        return new Parameter<>(name, type, String.class, Optional.empty(), "", "");
    }

    static Parameter<Boolean> flag(String name) {
        return new Parameter<>(name, new ParameterType.Flag(), Boolean.class, Optional.empty(), "", "");
    }

    static Parameter<Duration> length(String name) {
        return new Parameter<>(name, new ParameterType.Length(), Duration.class, Optional.empty(), "", "");
    }

    /** A duration that may be {@code 0s}, which switches off what it measures (a warm-up). */
    static Parameter<Duration> lengthOrZero(String name) {
        return new Parameter<>(name, new ParameterType.Length(true), Duration.class, Optional.empty(), "", "");
    }

    static Parameter<List<String>> words(String name, List<String> choices) {
        return new Parameter<>(name, new ParameterType.Words(choices, true), List.class, Optional.empty(), "", "");
    }

    static Parameter<List<Double>> reals(String name, Range range) {
        return new Parameter<>(name, new ParameterType.Reals(range), List.class, Optional.empty(), "", "");
    }

    /** A map of names to text ({@link ParameterType.TextMap}) or to numbers ({@link ParameterType.RealMap}). */
    static <V> Parameter<Map<String, V>> map(String name, ParameterType type) {
        return new Parameter<>(name, type, Map.class, Optional.empty(), "", "");
    }

    static Parameter<LoadProfile> profile(String name, ParameterType.Profile type) {
        return new Parameter<>(name, type, LoadProfile.class, Optional.empty(), "", "");
    }

    /** A parameter read by name only (the actions' tables). */
    static Parameter<Object> untyped(String name, ParameterType type) {
        return new Parameter<>(name, type, Object.class, Optional.empty(), "", "");
    }

    /** This parameter with a default value, said in docs as the value in backticks. */
    Parameter<T> byDefault(T value) {
        return new Parameter<>(name, type, valueType, Optional.of(value), "`" + spell(value) + "`", unit);
    }

    /** This parameter with a default that depends on the run or the service, said in words. */
    Parameter<T> byDefaultSaid(String text) {
        return new Parameter<>(name, type, valueType, defaultValue, text, unit);
    }

    Parameter<T> unit(String word) {
        return new Parameter<>(name, type, valueType, defaultValue, defaultText, word);
    }

    /** What a value must be, with the unit: {@code 1-10000 connections}. */
    public String allowed() {
        return type.describe() + (unit.isEmpty() ? "" : " " + unit);
    }

    /** The value given in {@code given}, else the default; empty when neither. */
    public Optional<T> optionalIn(Parameters given) {
        Object value = given.asMap().get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!valueType.isInstance(value) || !withinLimits(value)) {
            // Only a spec built without SpecLoader gets here; the probe must not run on what validate refuses.
            throw new IllegalStateException("parameter '" + name + "' is " + value + ", which is not "
                    + allowed() + "; check the spec with SpecLoader before running it");
        }
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return Optional.of(typed);
    }

    /** The value given in {@code given}, else the default; for parameters that have one. */
    public T in(Parameters given) {
        return optionalIn(given).orElseThrow(() -> new IllegalStateException(
                "parameter '" + name + "' has no default; read it with optionalIn"));
    }

    private boolean withinLimits(Object value) {
        if (type instanceof ParameterType.Whole whole) {
            long number = (Long) value;
            return number >= whole.min() && number <= whole.max();
        }
        if (type instanceof ParameterType.Real real) {
            return real.range().contains((Double) value);
        }
        if (type instanceof ParameterType.Text text) {
            String written = (String) value;
            return !written.isEmpty() && (text.pattern() == null || text.pattern().matcher(written).matches());
        }
        return true;
    }

    private static String spell(Object value) {
        if (value instanceof Double number) {
            return Range.format(number);
        }
        if (value instanceof Duration duration) {
            return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
        }
        return value.toString();
    }
}
