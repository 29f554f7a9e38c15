package org.gansweep.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;

/** Building blocks of the convolutional GANs, with DCGAN's N(0, 0.02) weight initialisation. */
final class ConvNets {
    private ConvNets() {}

    /** Sets N(0, 0.02) weights and zero biases on a block that is not yet initialised (DCGAN, LSGAN). */
    static <B extends Block> B dcganInit(B block) {
        block.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        block.setInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS);
        return block;
    }

    static Block linear(long units) {
        return dcganInit(Linear.builder().setUnits(units).build());
    }

    static Block conv(int filters, int kernel, int stride, int padding) {
        return dcganInit(Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters)
                .optStride(new Shape(stride, stride)).optPadding(new Shape(padding, padding)).build());
    }

    static Block deconv(int filters, int kernel, int stride, int padding, int outputPadding) {
        return dcganInit(TransposedConv2d.of(filters, kernel, stride, padding, outputPadding));
    }

    static Block batchNorm() {
        return BatchNorm.builder().build();
    }

    static Block relu() {
        return Activation.reluBlock();
    }

    static Block leaky() {
        return Activation.leakyReluBlock(0.2f);
    }

    static Block reshape(long... shape) {
        return new LambdaBlock(l -> new NDList(l.singletonOrThrow().reshape(new Shape(shape))), "reshape");
    }

    /**
     * The DCGAN discriminator: stride-2 convolutions of the given widths (LeakyReLU 0.2, batch norm after
     * the first when {@code bn}), then a linear layer to one decision value.
     */
    static SequentialBlock discriminator(int[] widths, int kernel, boolean bn) {
        SequentialBlock d = seq();
        for (int i = 0; i < widths.length; i++) {
            d.add(conv(widths[i], kernel, 2, (kernel - 1) / 2));
            if (bn && i > 0) {
                d.add(batchNorm());
            }
            d.add(leaky());
        }
        d.add(flatten());
        d.add(linear(1));
        return d;
    }

    static SequentialBlock seq() {
        return new SequentialBlock();
    }

    static Block flatten() {
        return Blocks.batchFlattenBlock();
    }
}
