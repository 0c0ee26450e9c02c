package io.clusterbench.score;

import io.clusterbench.spec.ClusterSpec;
import java.util.List;

/** ScoreFixtures' spec for tests in other packages. */
public final class ScoreFixturesAccess {
    private ScoreFixturesAccess() {
    }

    /** A spec without probes, objectives or tuning. */
    public static ClusterSpec emptySpec() {
        return ScoreFixtures.spec(List.of());
    }
}
