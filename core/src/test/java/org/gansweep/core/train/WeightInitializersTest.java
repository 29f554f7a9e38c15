package org.gansweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.gansweep.core.config.ModelOptions;
import org.junit.jupiter.api.Test;

/** model.init and model.noise against what they promise: orthogonality, scale, range. */
class WeightInitializersTest {

    /** max |(W Wᵀ or Wᵀ W) - gain² I| over the entries, W flattened to rows x the rest. */
    private static double offIdentity(float[] w, int rows, int cols, double gain) {
        boolean wide = rows <= cols;
        int k = wide ? rows : cols;
        double worst = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double dot = 0;
                for (int t = 0; t < (wide ? cols : rows); t++) {
                    dot += wide ? (double) w[i * cols + t] * w[j * cols + t] : (double) w[t * cols + i] * w[t * cols + j];
                }
                worst = Math.max(worst, Math.abs(dot - (i == j ? gain * gain : 0)));
            }
        }
        return worst;
    }

    @Test
    void orthogonalWeightsHaveOrthonormalRowsOrColumnsTimesTheGain() {
        Engine.getInstance().setRandomSeed(7);
        try (NDManager m = NDManager.newBaseManager()) {
            WeightInitializers.Orthogonal init = new WeightInitializers.Orthogonal(1.4);
            // Linear (out 128, in 256): W Wᵀ = 1.96 I; (out 2, in 128) likewise; (out 256, in 2): Wᵀ W = 1.96 I.
            int[][] shapes = {{128, 256}, {2, 128}, {256, 2}, {128, 128}};
            for (int[] s : shapes) {
                NDArray w = init.initialize(m, new Shape(s[0], s[1]), DataType.FLOAT32);
                assertEquals(new Shape(s[0], s[1]), w.getShape());
                assertTrue(offIdentity(w.toFloatArray(), s[0], s[1], 1.4) < 1e-5, java.util.Arrays.toString(s));
            }
            // A convolution kernel (out 8, in 4, 3x3) is flattened to 8 x 36.
            NDArray k = init.initialize(m, new Shape(8, 4, 3, 3), DataType.FLOAT32);
            assertTrue(offIdentity(k.toFloatArray(), 8, 36, 1.4) < 1e-5);
            // The same seed gives the same matrix.
            Engine.getInstance().setRandomSeed(7);
            float[] again = init.initialize(m, new Shape(128, 256), DataType.FLOAT32).toFloatArray();
            Engine.getInstance().setRandomSeed(7);
            float[] first = init.initialize(m, new Shape(128, 256), DataType.FLOAT32).toFloatArray();
            assertTrue(java.util.Arrays.equals(first, again));
        }
    }

    @Test
    void uniformNoiseIsUMinusOneToOne() {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] u = AdversarialTraining.noise(m, ModelOptions.Noise.uniform, new Shape(1000, 100)).toFloatArray();
            double sum = 0;
            double sq = 0;
            for (float v : u) {
                assertTrue(v >= -1f && v <= 1f, "out of [-1, 1]: " + v);
                sum += v;
                sq += v * v;
            }
            // U[-1, 1]: mean 0, variance 1/3. 100,000 draws: standard errors about 0.002 and 0.001.
            assertEquals(0, sum / u.length, 0.01);
            assertEquals(1.0 / 3, sq / u.length, 0.01);
            float[] n = AdversarialTraining.noise(m, ModelOptions.Noise.normal, new Shape(1000, 100)).toFloatArray();
            double nsq = 0;
            for (float v : n) {
                nsq += v * v;
            }
            assertEquals(1.0, nsq / n.length, 0.02);
        }
    }
}
