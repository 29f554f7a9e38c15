package org.gansweep.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.UniformInitializer;
import java.util.List;
import org.gansweep.core.plugin.FieldError;

/** Builds fully connected stacks: Linear, optional batch norm, activation, per hidden layer. */
public final class Mlp {
    private Mlp() {}

    public enum ActivationKind {
        @com.fasterxml.jackson.annotation.JsonProperty("relu")
        RELU,
        @com.fasterxml.jackson.annotation.JsonProperty("leaky-relu")
        LEAKY_RELU,
        @com.fasterxml.jackson.annotation.JsonProperty("tanh")
        TANH;

        @Override
        public String toString() {
            return switch (this) {
                case RELU -> "relu";
                case LEAKY_RELU -> "leaky-relu";
                case TANH -> "tanh";
            };
        }

        Block block(double leakySlope) {
            return switch (this) {
                case RELU -> Activation.reluBlock();
                case LEAKY_RELU -> Activation.leakyReluBlock((float) leakySlope);
                case TANH -> Activation.tanhBlock();
            };
        }
    }

    /**
     * One network's shape.
     *
     * @param hidden widths of the hidden layers
     * @param activation after each hidden layer
     * @param leakySlope negative slope of leaky-relu
     * @param batchNorm batch norm after each hidden linear layer
     */
    public record Net(List<Integer> hidden, ActivationKind activation, Double leakySlope, Boolean batchNorm) {
        /**
         * This net with every missing field taken from {@code defaults}: each architecture has its own
         * defaults, so {@code model.generator.batchNorm: false} changes only that field.
         */
        public Net orDefaults(Net defaults) {
            return new Net(hidden == null ? defaults.hidden() : hidden, activation == null ? defaults.activation() : activation,
                    leakySlope == null ? defaults.leakySlope() : leakySlope, batchNorm == null ? defaults.batchNorm() : batchNorm);
        }

        public void check(String prefix) {
            FieldError.require(!hidden.isEmpty(), prefix + ".hidden", "needs at least one hidden layer");
            for (int i = 0; i < hidden.size(); i++) {
                FieldError.require(hidden.get(i) != null && hidden.get(i) > 0 && hidden.get(i) <= 1 << 16,
                        prefix + ".hidden." + i, "layer widths must be between 1 and 65536, got " + hidden.get(i));
            }
            FieldError.require(leakySlope >= 0 && leakySlope < 1, prefix + ".leakySlope", "must be in [0, 1), got " + leakySlope);
        }
    }

    /**
     * A stack from {@code in} inputs to {@code out} outputs. Weights and biases start uniform in
     * +-1/sqrt(fan_in), PyTorch's default for Linear, so runs compare with PyTorch peers.
     */
    public static SequentialBlock stack(Net net, long in, long out) {
        SequentialBlock seq = new SequentialBlock();
        long width = in;
        for (int h : net.hidden()) {
            seq.add(linear(width, h));
            if (net.batchNorm()) {
                seq.add(BatchNorm.builder().build());
            }
            seq.add(net.activation().block(net.leakySlope()));
            width = h;
        }
        seq.add(linear(width, out));
        return seq;
    }

    static Linear linear(long in, long out) {
        Linear l = Linear.builder().setUnits(out).build();
        UniformInitializer init = new UniformInitializer((float) (1.0 / Math.sqrt(in)));
        l.setInitializer(init, Parameter.Type.WEIGHT);
        l.setInitializer(init, Parameter.Type.BIAS);
        return l;
    }

    /** Reshapes (N, prod(shape)) to (N, shape...). */
    static Block reshapeTo(Shape sampleShape) {
        return new LambdaBlock(list -> new NDList(list.singletonOrThrow().reshape(new Shape(-1).addAll(sampleShape))), "reshape");
    }

    static Block flatten() {
        return Blocks.batchFlattenBlock();
    }
}
