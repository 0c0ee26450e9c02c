package io.clusterbench.probe.http;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * When a load ends: after a number of requests, or after a duration when no count is given.
 *
 * @param requests the number of requests to send, if given
 * @param duration how long to send when {@code requests} is empty
 */
record LoadLimit(OptionalLong requests, Duration duration) {

    /** Whether the load is bound by a request count. */
    boolean counted() {
        return requests.isPresent();
    }
}
