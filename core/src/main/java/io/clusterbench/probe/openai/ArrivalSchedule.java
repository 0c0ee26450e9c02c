package io.clusterbench.probe.openai;

import java.util.OptionalDouble;
import java.util.Random;

/**
 * When each request is sent, the way {@code vllm bench serve} plans it ({@code get_request} in
 * {@code vllm/benchmarks/serve.py}): gaps between arrivals are drawn from a gamma distribution with shape
 * {@code burstiness} and scale {@code 1 / (rate * burstiness)} (mean {@code 1 / rate}; shape 1 is a Poisson
 * process), summed into send times, and the send times are then scaled so that the last one falls exactly at
 * {@code requests / rate}, as vLLM does to keep throughput comparable across seeds. Without a rate every request is
 * sent at once. The schedule is planned before the run and kept whatever the server does (an open load).
 */
final class ArrivalSchedule {

    private ArrivalSchedule() {
    }

    /** Send times in seconds from the start of the run, one per request, in order; the same seed gives the same. */
    static double[] offsets(int requests, OptionalDouble rate, double burstiness, long seed) {
        double[] offsets = new double[requests];
        if (rate.isEmpty() || requests == 0) {
            return offsets;
        }
        Random random = new Random(seed);
        double perSecond = rate.getAsDouble();
        double scale = 1.0 / (perSecond * burstiness);
        double sum = 0;
        for (int i = 0; i < requests; i++) {
            sum += gamma(random, burstiness, scale);
            offsets[i] = sum;
        }
        if (sum > 0) {
            double factor = (requests / perSecond) / sum;
            for (int i = 0; i < requests; i++) {
                offsets[i] *= factor;
            }
        }
        return offsets;
    }

    /**
     * One draw from Gamma(shape, scale) by Marsaglia and Tsang's method (ACM TOMS 26(3), 2000); for a shape below
     * 1, a draw for shape + 1 times {@code U^(1/shape)}, as their paper gives.
     */
    static double gamma(Random random, double shape, double scale) {
        if (shape < 1) {
            double u = random.nextDouble();
            return gamma(random, shape + 1, scale) * Math.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1.0 - 0.0331 * x * x * x * x
                    || Math.log(u) < 0.5 * x * x + d * (1.0 - v + Math.log(v))) {
                return d * v * scale;
            }
        }
    }
}
