package org.gansweep.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.gansweep.core.numerics.KernelCheck;
import org.gansweep.core.numerics.KernelInputs;
import org.gansweep.core.plugin.ParameterUpdater;

/**
 * The fused Adam update ({@code torch._fused_adam_}, as {@link AdamOptimizer} runs it), three steps on parameters
 * of lengths that leave every tail of a vector loop (1, 7, 17 ... 100003), against Adam written out in Java
 * doubles with PyTorch's formula. Checked on the change of each weight, at a learning rate large enough that the
 * change is far above float32 rounding.
 */
public final class AdamKernelCheck implements KernelCheck {
    private static final int[] SIZES = {1, 7, 17, 1000, 32768, 100003};
    private static final int STEPS = 3;
    private static final double LR = 0.05;
    private static final double BETA1 = 0.5;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    @Override
    public String family() {
        return "adam";
    }

    @Override
    public String shapes() {
        return STEPS + " fused Adam steps on " + SIZES.length + " parameters of 1 to 100003 weights";
    }

    @Override
    public void compute(NDManager m, DataType precision, Outputs out) {
        if (precision == DataType.FLOAT32) {
            fused(m, out);
        } else {
            inJava(m, out);
        }
    }

    private static void fused(NDManager m, Outputs out) {
        List<String> ids = new ArrayList<>();
        List<NDArray> weights = new ArrayList<>();
        List<NDArray> start = new ArrayList<>();
        for (int i = 0; i < SIZES.length; i++) {
            ids.add("p" + i);
            NDArray w = KernelInputs.normal(m, DataType.FLOAT32, 4000L + i, 1.0, SIZES[i]);
            start.add(w.duplicate());
            weights.add(w);
        }
        ParameterUpdater adam = new AdamOptimizer(new AdamOptimizer.Params(LR, BETA1, BETA2, EPS, 0.0)).create();
        for (int t = 0; t < STEPS; t++) {
            List<NDArray> grads = new ArrayList<>();
            for (int i = 0; i < SIZES.length; i++) {
                grads.add(KernelInputs.normal(m, DataType.FLOAT32, 5000L + 100L * t + i, 1.0, SIZES[i]));
            }
            adam.updateAll(ids, weights, grads);
        }
        for (int i = 0; i < SIZES.length; i++) {
            out.keep("adam " + SIZES[i] + " weights: change", weights.get(i).sub(start.get(i)));
        }
    }

    private static void inJava(NDManager m, Outputs out) {
        for (int i = 0; i < SIZES.length; i++) {
            double[] w = values(m, 4000L + i, SIZES[i]);
            double[] w0 = w.clone();
            double[] mo = new double[w.length];
            double[] v = new double[w.length];
            for (int t = 1; t <= STEPS; t++) {
                double[] g = values(m, 5000L + 100L * (t - 1) + i, SIZES[i]);
                double bc1 = 1 - Math.pow(BETA1, t);
                double bc2 = 1 - Math.pow(BETA2, t);
                for (int k = 0; k < w.length; k++) {
                    mo[k] = BETA1 * mo[k] + (1 - BETA1) * g[k];
                    v[k] = BETA2 * v[k] + (1 - BETA2) * g[k] * g[k];
                    double denom = Math.sqrt(v[k]) / Math.sqrt(bc2) + EPS;
                    w[k] -= LR / bc1 * mo[k] / denom;
                }
            }
            double[] change = new double[w.length];
            for (int k = 0; k < w.length; k++) {
                change[k] = w[k] - w0[k];
            }
            try (NDArray onJavaBuffer = m.create(change)) {
                out.keep("adam " + SIZES[i] + " weights: change", onJavaBuffer.duplicate());
            }
        }
    }

    private static double[] values(NDManager m, long seed, int n) {
        try (NDArray a = KernelInputs.normal(m, DataType.FLOAT64, seed, 1.0, n)) {
            return a.toDoubleArray();
        }
    }
}
