package org.gansweep.core.plugin;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Constants inside a training graph, in libtorch's own memory. DJL's {@code mul(Number)}, {@code div(Number)},
 * {@code pow(Number)} (and the other {@code op(Number)} forms) wrap the number in an array on a Java direct
 * buffer and close it as soon as the forward op returns; PyTorch's autograd keeps that array to compute the
 * backward pass of mul, div and pow, so once the garbage collector frees the buffer, backward reads freed memory:
 * the gradient of that step is scaled by whatever the allocator left there (seen: 8e-41 and -1.9e38 for a 0.5).
 * The result depends on when the collector runs, so the same seed gave different numbers now and then, in
 * whichever process. Losses and architectures scale tensors that need a gradient through this class.
 * Adding or subtracting a number is safe (autograd does not keep the number), and so is any op on arrays that
 * need no gradient.
 */
public final class GraphScalars {
    private GraphScalars() {}

    /** {@code x * k}, with {@code k} held by libtorch for as long as autograd needs it. */
    public static NDArray times(NDArray x, double k) {
        try (NDArray scalar = x.getManager().full(new Shape(), (float) k, x.getDataType())) {
            // full() allocates in libtorch; closing the handle leaves the storage to autograd's reference.
            return x.mul(scalar);
        }
    }
}
