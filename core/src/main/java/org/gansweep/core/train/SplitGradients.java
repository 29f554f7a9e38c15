package org.gansweep.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;

/**
 * D's gradient of D's loss and G's gradient of G's loss from one recorded forward pass in which D scored G's
 * fakes once ({@code split_gradients.pt}: two {@code torch.autograd.grad} calls, as the LSGAN authors' single
 * TensorFlow session run takes both). Each backward pass visits only what leads to the parameters asked for:
 * D's weight gradients are not computed for G's loss, and G is not visited for D's. Parameters' own gradient
 * fields are left untouched.
 */
final class SplitGradients {
    private static final TorchScriptModule MODULE = new TorchScriptModule("split_gradients.pt");

    private SplitGradients() {}

    /**
     * @return D's gradients in the order of {@code dWeights}, then G's in the order of {@code gWeights}, in the
     *     manager of {@code dLoss}
     */
    static NDList of(List<NDArray> dWeights, List<NDArray> gWeights, NDArray dLoss, NDArray gLoss) {
        NDList grads = MODULE.forward(true, dWeights, gWeights, dLoss, gLoss);
        grads.attach(dLoss.getManager()); // the module's results join its first argument's (the weights') manager
        return grads;
    }
}
