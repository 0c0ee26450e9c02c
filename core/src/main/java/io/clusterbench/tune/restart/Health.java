package io.clusterbench.tune.restart;

/**
 * One health check's answer.
 *
 * @param healthy whether the service answered as a healthy one of its type does
 * @param detail what it answered or why it could not, for messages ({@code GET http://... answered 200})
 */
record Health(boolean healthy, String detail) {
}
