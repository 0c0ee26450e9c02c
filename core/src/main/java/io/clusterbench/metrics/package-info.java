/** Reading metric formats that several roles share, such as the Prometheus text exposition format. */
package io.clusterbench.metrics;
