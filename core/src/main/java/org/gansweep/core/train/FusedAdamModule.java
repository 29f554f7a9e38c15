package org.gansweep.core.train;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * The TorchScript module behind {@link AdamOptimizer} ({@code fused_adam.pt}): {@code forward(params[], grads[],
 * exp_avgs[], exp_avg_sqs[], steps, hyper)} calls {@code torch._fused_adam_} and zeroes the gradients.
 */
final class FusedAdamModule {
    private static final TorchScriptModule MODULE = new TorchScriptModule("fused_adam.pt");

    private FusedAdamModule() {}

    static void step(List<NDArray> weights, List<NDArray> grads, NDArray[] expAvgs, NDArray[] expAvgSqs,
            NDArray steps, NDArray hyper) {
        // not training: runs under no_grad, so leaves may change in place
        MODULE.forward(false, weights, grads, List.of(expAvgs), List.of(expAvgSqs), steps, hyper).close();
    }
}
