package io.clusterbench.spec;

import java.util.Objects;

/**
 * One tuning step: its kind, the id it acts on (a service or, for ssh-command, a host) and its checked parameters.
 *
 * <p>The id is the item's {@code id:} when written, otherwise {@code kind:target} (with {@code #2}, {@code #3}
 * appended when the same pair comes again), so reports can name the step.
 *
 * <p>An {@code optional} action's failure is recorded but neither fails the tuning nor rolls back the others, and
 * a preflight that knows it would fail skips it instead of refusing the whole tuning (docs/tuning.md).
 */
public record ActionSpec(String id, ActionKind kind, String target, Parameters parameters, SpecLocation location,
        boolean optional) {

    public ActionSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(location, "location");
    }

    /** A required action: its failure fails the tuning. */
    public ActionSpec(String id, ActionKind kind, String target, Parameters parameters, SpecLocation location) {
        this(id, kind, target, parameters, location, false);
    }
}
