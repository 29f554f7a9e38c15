package org.gansweep.core.numerics;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import java.util.function.Supplier;

/** Backward passes for kernel checks: the gradients of {@code sum(f() * u)}, u a fixed random upstream gradient. */
public final class KernelGradients {
    private KernelGradients() {}

    /** The gradients of the given arrays; {@code forward} is called inside the gradient collector. */
    public static NDList of(Supplier<NDArray> forward, long seed, NDArray... wrt) {
        for (NDArray x : wrt) {
            x.setRequiresGradient(true);
        }
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = forward.get();
            NDArray u = KernelInputs.normal(y.getManager(), y.getDataType(), seed, 1.0, y.getShape().getShape());
            gc.backward(y.mul(u).sum());
        }
        NDList grads = new NDList();
        for (NDArray x : wrt) {
            grads.add(x.getGradient().duplicate());
        }
        return grads;
    }
}
