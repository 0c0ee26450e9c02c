package io.clusterbench.result;

/**
 * What a push of a run's metrics to a Pushgateway sent.
 *
 * @param url where it went, the group's push URL without credentials
 * @param series how many series it sent
 */
public record PushReceipt(String url, int series) {
}
