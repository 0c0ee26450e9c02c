package io.clusterbench.testkit;

import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.local.LocalServerException;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Capacities planted in real servers, known in advance, for searches to find: core's capacity tests judge the search
 * by them, and the cli's browser test draws a real search's chart from them.
 */
public final class PlantedLimits {

    private PlantedLimits() {
    }

    /**
     * Makes the balancer answer at most {@code perSecond} requests a second and 503 to the rest: nginx's
     * {@code limit_req} (a leaky bucket over all clients, keyed by the listening port) with a burst of 10 to absorb
     * the scheduling jitter of the load generator (a stall of 100 ms at the limit), so the true capacity is
     * {@code perSecond}: a load 10% above it fails about 4% of its requests over a 1.5 s step.
     */
    public static void limitRequests(LocalNginxBalancer nginx, int perSecond) throws IOException, LocalServerException {
        String config = Files.readString(nginx.configFile());
        String limited = config.replaceFirst("http \\{\n", "http {\n    limit_req_zone \\$server_port zone=planted:1m"
                + " rate=" + perSecond + "r/s;\n    limit_req_status 503;\n")
                .replace("            proxy_pass http://upstreams;\n", "            limit_req zone=planted burst=10"
                        + " nodelay;\n            proxy_pass http://upstreams;\n");
        if (limited.equals(config)) {
            throw new IllegalStateException("the balancer's nginx.conf has changed shape; update PlantedLimits");
        }
        Files.writeString(nginx.configFile(), limited);
        nginx.reload();
    }
}
