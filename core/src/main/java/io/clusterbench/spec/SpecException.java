package io.clusterbench.spec;

import io.clusterbench.ClusterBenchException;
import java.util.List;
import java.util.stream.Collectors;

/** A spec that cannot be used, with every problem found in it; the message lists them all, one per line. */
public final class SpecException extends ClusterBenchException {
    private static final long serialVersionUID = 1L;

    private final List<SpecProblem> problems;

    public SpecException(List<SpecProblem> problems) {
        super(Kind.INVALID_SPEC, problems.stream().map(SpecProblem::format).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a SpecException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<SpecProblem> problems() {
        return problems;
    }
}
