package io.clusterbench.spec;

import java.util.List;

/**
 * The metrics a load keeps while it runs, in its progress counters, so that an objective on them can abort the load
 * early ({@code abortOnFail}): the errors so far ({@code errors}, the openai probe's {@code failed}) and their share
 * of the requests finished so far ({@code error_pct}). Every other metric is known only when the load ends.
 */
public final class LiveMetrics {
    /** The names, without the probe id. */
    public static final List<String> NAMES = List.of("errors", "error_pct", "failed");

    private LiveMetrics() {
    }

    /** Whether {@code name} (without the probe id) is kept while the load runs. */
    public static boolean isLive(String name) {
        return NAMES.contains(name);
    }

    /** Whether {@code name} is a count, which only grows, rather than a share, which can fall again. */
    public static boolean isCount(String name) {
        return !name.equals("error_pct");
    }
}
