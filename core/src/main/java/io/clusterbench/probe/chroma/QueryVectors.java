package io.clusterbench.probe.chroma;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Random;

/**
 * Query embeddings: unit vectors in uniformly random directions (normalised Gaussian components), the same sequence
 * on every run so that runs compare. Real queries are not random, but an HNSW search costs about the same for any
 * direction, and the server does not embed text, so the probe needs vectors of its own.
 */
final class QueryVectors {
    private static final long SEED = 0x5EEDC40DL;

    private final int dimension;
    private final Random random = new Random(SEED);

    QueryVectors(int dimension) {
        this.dimension = dimension;
    }

    /** The next vector, as a JSON array of numbers. */
    ArrayNode next() {
        double[] vector = new double[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            vector[i] = random.nextGaussian();
            norm += vector[i] * vector[i];
        }
        norm = Math.sqrt(norm);
        ArrayNode array = JsonNodeFactory.instance.arrayNode(dimension);
        for (double component : vector) {
            array.add((float) (norm == 0 ? 0 : component / norm));
        }
        return array;
    }
}
