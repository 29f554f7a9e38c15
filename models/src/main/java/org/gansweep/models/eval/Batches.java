package org.gansweep.models.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Runs a network over many images in chunks (each in its own sub-manager) and collects its output rows. */
final class Batches {
    private Batches() {}

    /**
     * @param net maps a chunk of images (in the chunk's manager) to (chunk, D) outputs
     * @param softmax turn the outputs into probabilities first
     */
    static double[][] rows(NDArray images, NDManager parent, int chunk, boolean softmax, Function<NDArray, NDArray> net) {
        long n = images.getShape().get(0);
        List<double[]> rows = new ArrayList<>();
        for (long from = 0; from < n; from += chunk) {
            try (NDManager m = parent.newSubManager()) {
                NDArray x = images.get(from + ":" + Math.min(n, from + chunk)).duplicate();
                x.attach(m);
                NDArray out = net.apply(x);
                if (out.getShape().dimension() != 2) {
                    throw new IllegalStateException("expected (N, D) rows, got " + out.getShape());
                }
                if (softmax) {
                    out = out.softmax(1);
                }
                float[] v = out.toFloatArray();
                int d = (int) out.getShape().get(1);
                for (int r = 0; r < v.length / d; r++) {
                    double[] row = new double[d];
                    for (int j = 0; j < d; j++) {
                        row[j] = v[r * d + j];
                    }
                    rows.add(row);
                }
            }
        }
        return rows.toArray(new double[0][]);
    }
}
