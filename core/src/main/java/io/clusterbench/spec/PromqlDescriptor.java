package io.clusterbench.spec;

import io.clusterbench.spec.ParameterTable.RuleKind;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The promql probe: instant queries whose samples become metrics named after the queries. */
public final class PromqlDescriptor implements ProbeDescriptor {

    /** The metric name of the samples of a single {@code query}. */
    public static final String SINGLE_QUERY_NAME = "value";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]*");

    public static final Parameter<String> QUERY = Parameter.text("query", ParameterType.Text.any());
    public static final Parameter<Map<String, String>> QUERIES = Parameter.map("queries",
            new ParameterType.TextMap(NAME, "a name of letters, digits, . _ -"));

    private static final ParameterTable TABLE = ParameterTable.builder().add(QUERY, QUERIES)
            .rule(RuleKind.EXACTLY_ONE, "query", "queries").build();

    @Override
    public String word() {
        return "promql";
    }

    @Override
    public ParameterTable parameters() {
        return TABLE;
    }

    @Override
    public MetricNames metrics(ProbeSpec probe) {
        List<String> queries = QUERY.optionalIn(probe.parameters()).isPresent() ? List.of(SINGLE_QUERY_NAME)
                : List.copyOf(QUERIES.optionalIn(probe.parameters()).orElse(Map.of()).keySet());
        return MetricNames.builder().names(queries).latency("query_").build();
    }
}
