package io.clusterbench.tune.restart;

import java.time.Duration;

/** Asks a service once whether it is healthy; never throws for an unhealthy or unreachable service. */
interface HealthCheck {

    /** One attempt, giving up after {@code timeout}. */
    Health check(Duration timeout) throws InterruptedException;

    /** What is checked, for messages: {@code GET http://127.0.0.1:8889/health answers 2xx or 3xx}. */
    String describe();
}
