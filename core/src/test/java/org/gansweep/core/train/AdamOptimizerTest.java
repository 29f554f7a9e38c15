package org.gansweep.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.gansweep.core.plugin.ParameterUpdater;
import org.junit.jupiter.api.Test;

/** The fused Adam against the update written out by hand (PyTorch's formula: eps after the bias correction). */
class AdamOptimizerTest {
    private static final double LR = 0.1;
    private static final double B1 = 0.9;
    private static final double B2 = 0.999;
    private static final double EPS = 1e-8;

    /** Adam by hand for one scalar: state {w, m, v}; returns the new state. */
    private static double[] byHand(double[] s, double g, int t, double weightDecay) {
        g += weightDecay * s[0];
        double m = B1 * s[1] + (1 - B1) * g;
        double v = B2 * s[2] + (1 - B2) * g * g;
        double denom = Math.sqrt(v) / Math.sqrt(1 - Math.pow(B2, t)) + EPS;
        return new double[] {s[0] - LR / (1 - Math.pow(B1, t)) * m / denom, m, v};
    }

    /** Sets the gradient of each weight to {@code grads} through a backward pass of sum(w * g). */
    private static void backward(NDManager m, List<NDArray> weights, float[][] grads) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray total = null;
            for (int i = 0; i < weights.size(); i++) {
                NDArray term = weights.get(i).mul(m.create(grads[i]).reshape(weights.get(i).getShape())).sum();
                total = total == null ? term : total.add(term);
            }
            gc.backward(total);
        }
    }

    private static void step(ParameterUpdater adam, List<NDArray> weights) {
        List<NDArray> grads = weights.stream().map(NDArray::getGradient).toList();
        adam.updateAll(List.of("a", "b"), weights, grads);
        for (NDArray g : grads) {
            assertArrayEquals(new float[(int) g.size()], g.toFloatArray(), "the update leaves the gradient zeroed");
            g.close();
        }
    }

    @Test
    void twoUpdatesOfTwoParametersMatchTheHandWrittenAdamAndTheStateRoundTrips() {
        for (double wd : new double[] {0.0, 0.05}) {
            try (NDManager m = NDManager.newBaseManager()) {
                float[] a0 = {1f, -2f, 0.5f, 0f};
                float[] b0 = {3f, -0.25f};
                List<NDArray> w = List.of(m.create(a0).reshape(2, 2), m.create(b0));
                w.forEach(x -> x.setRequiresGradient(true));
                float[][] g1 = {{0.1f, -0.2f, 0.3f, 0f}, {-1e-3f, 5f}};
                float[][] g2 = {{-0.3f, 0.1f, 0.2f, 0.4f}, {2f, 5f}};
                ParameterUpdater adam = new AdamOptimizer(new AdamOptimizer.Params(LR, B1, B2, EPS, wd)).create();
                backward(m, w, g1);
                step(adam, w);
                // A copy of the optimiser, restored from the first one's checkpointed state, takes the second step.
                NDList state = adam.saveState(List.of("a", "b"), w, m);
                ParameterUpdater restored = new AdamOptimizer(new AdamOptimizer.Params(LR, B1, B2, EPS, wd)).create();
                restored.loadState(List.of("a", "b"), w, state);
                backward(m, w, g2);
                step(restored, w);
                float[][] start = {a0, b0};
                for (int p = 0; p < 2; p++) {
                    float[] got = w.get(p).toFloatArray();
                    for (int i = 0; i < got.length; i++) {
                        double[] s = byHand(new double[] {start[p][i], 0, 0}, g1[p][i], 1, wd);
                        s = byHand(s, g2[p][i], 2, wd);
                        assertEquals(s[0], got[i], 2e-6, "weight decay " + wd + ", parameter " + p + ", element " + i);
                    }
                }
            }
        }
    }
}
