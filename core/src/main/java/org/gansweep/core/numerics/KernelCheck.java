package org.gansweep.core.numerics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * One op family the shipped architectures train with, computed at the shapes they train at. The self-test
 * ({@link KernelProbe}) runs {@link #compute} three times: in float32 with every fresh tensor filled with NaN, in
 * float32 with it zeroed, and in float64, the reference (PyTorch has no oneDNN float64 kernels, so that is also
 * another code path). A family passes when both float32 runs are finite, identical to the last bit, and within
 * {@link #tolerance()} of the reference. Adding a family is one class plus one line:
 * {@code Registries.kernelChecks(binder()).addBinding().to(MyCheck.class)}.
 */
public interface KernelCheck {
    /** The family's name on the doctor's line, e.g. {@code conv-backward-data}. */
    String family();

    /** What is computed, in a few words (shapes, which nets they come from). */
    String shapes();

    /** Whether the result depends on the convolution backend: then it is checked on each. */
    default boolean usesConvolutions() {
        return false;
    }

    /** The library that computes this family on a path, for families oneDNN's trace does not name. */
    default String library(CodePath path) {
        return "aten:" + path.env().getOrDefault("ATEN_CPU_CAPABILITY", "default");
    }

    /** What computes this family's convolutions when oneDNN's are off. */
    default String atenConvolutions() {
        return "aten:slow_conv2d (im2col, MKL sgemm)";
    }

    /** Largest error allowed against the float64 reference, relative to the reference's largest magnitude. */
    default double tolerance() {
        return 1e-4;
    }

    /**
     * Computes the family's outputs in {@code precision} from inputs made by {@link KernelInputs} (the same
     * values in either precision), passing each output to {@code out}.
     */
    void compute(NDManager manager, DataType precision, Outputs out);

    /** Where a check hands its results. */
    interface Outputs {
        void keep(String name, NDArray value);
    }
}
