package io.clusterbench.trend;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses which points of a long line the SVG draws, so that a chart of 10,000 runs stays a few hundred kilobytes
 * and still shows every spike.
 *
 * <p>Up to {@code limit} points are all drawn. Beyond that the runs are cut into {@code (limit - 1) / 2} equal
 * buckets in time order and each bucket keeps its lowest and its highest value (in time order; one point when they
 * coincide, its first run when the bucket has no value, so that gaps stay gaps), and the newest run is always kept.
 */
final class Downsample {

    /** The most points one SVG line draws; {@code trend.json} keeps every run. */
    static final int MAX_POINTS = 2000;

    private Downsample() {
    }

    /** The indices of the values to draw, ascending. */
    static int[] indices(List<Double> values, int limit) {
        int n = values.size();
        if (n <= limit) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int buckets = Math.max(1, (limit - 1) / 2);
        List<Integer> kept = new ArrayList<>(limit);
        for (int bucket = 0; bucket < buckets; bucket++) {
            int start = (int) ((long) bucket * n / buckets);
            int end = (int) ((long) (bucket + 1) * n / buckets);
            int low = -1;
            int high = -1;
            for (int i = start; i < end; i++) {
                Double value = values.get(i);
                if (value == null) {
                    continue;
                }
                if (low < 0 || value < values.get(low)) {
                    low = i;
                }
                if (high < 0 || value > values.get(high)) {
                    high = i;
                }
            }
            if (low < 0) {
                kept.add(start);
            } else {
                kept.add(Math.min(low, high));
                if (low != high) {
                    kept.add(Math.max(low, high));
                }
            }
        }
        if (kept.get(kept.size() - 1) != n - 1) {
            kept.add(n - 1);
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }
}
