package io.clusterbench.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one probe or action kind, in documentation order, and the rules over several of them (which
 * must be given, which exclude each other).
 */
public record ParameterTable(List<Parameter<?>> parameters, List<Rule> rules) {

    /** A table without parameters. */
    public static final ParameterTable NONE = new ParameterTable(List.of(), List.of());

    /** A rule over several parameters. */
    public record Rule(RuleKind kind, List<String> names) {
        public Rule {
            names = List.copyOf(names);
        }
    }

    /** What a rule demands. */
    public enum RuleKind { REQUIRED, EXACTLY_ONE, AT_MOST_ONE }

    public ParameterTable {
        parameters = List.copyOf(parameters);
        rules = List.copyOf(rules);
    }

    /** The names, in documentation order. */
    public List<String> names() {
        return parameters.stream().map(Parameter::name).toList();
    }

    /** The parameter called {@code name}, if the table has it. */
    public Optional<Parameter<?>> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Types by name, in documentation order. */
    Map<String, ParameterType> types() {
        Map<String, ParameterType> types = new LinkedHashMap<>();
        parameters.forEach(p -> types.put(p.name(), p.type()));
        return types;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Collects a table in documentation order. */
    static final class Builder {
        private final List<Parameter<?>> parameters = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();

        Builder add(Parameter<?>... added) {
            parameters.addAll(List.of(added));
            return this;
        }

        /** A parameter read by name only, as the actions' parameters are. */
        Builder add(String name, ParameterType type) {
            return add(Parameter.untyped(name, type));
        }

        Builder rule(RuleKind kind, String... names) {
            rules.add(new Rule(kind, List.of(names)));
            return this;
        }

        ParameterTable build() {
            return new ParameterTable(parameters, rules);
        }
    }
}
