package io.clusterbench.spec;

import java.util.List;
import java.util.Objects;

/**
 * A valid spec with the SHA-256 of its text (so results can name exactly what was run) and the warnings found
 * while loading it.
 */
public record LoadedSpec(ClusterSpec spec, String sha256, List<SpecProblem> warnings) {

    public LoadedSpec {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(sha256, "sha256");
        warnings = List.copyOf(warnings);
    }
}
