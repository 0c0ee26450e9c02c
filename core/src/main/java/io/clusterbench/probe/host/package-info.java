/**
 * Probes of hosts over SSH: {@code host} (memory, swap, CPU, load, disks from /proc and df) and {@code gpu}
 * (nvidia-smi per GPU). Every metric is named {@code HOST.METRIC} and a failing host costs only its own numbers.
 */
package io.clusterbench.probe.host;
