package org.gansweep.core.numerics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/** Inputs for kernel checks: the same float32-representable values in float32 and in float64. */
public final class KernelInputs {
    private KernelInputs() {}

    /** Values near N(0, scale^2), from a fixed seed; a float64 array holds exactly the float32 values. */
    public static NDArray normal(NDManager manager, DataType precision, long seed, double scale, long... shape) {
        Shape s = new Shape(shape);
        SplittableRandom r = new SplittableRandom(seed);
        int n = Math.toIntExact(s.size());
        if (precision == DataType.FLOAT64) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = (float) (gaussian(r) * scale);
            }
            return copied(manager.create(v, s));
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (gaussian(r) * scale);
        }
        return copied(manager.create(v, s));
    }

    /** Copied into libtorch's own memory: the Java-side buffer of manager.create is freed with its array. */
    private static NDArray copied(NDArray onJavaBuffer) {
        try (onJavaBuffer) {
            return onJavaBuffer.duplicate();
        }
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
