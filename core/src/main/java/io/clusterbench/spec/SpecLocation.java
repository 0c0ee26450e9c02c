package io.clusterbench.spec;

import java.util.Objects;

/** Where a spec element was written (1-based line and column), so that errors found later can point back at it. */
public record SpecLocation(String file, int line, int column) {

    public SpecLocation {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
