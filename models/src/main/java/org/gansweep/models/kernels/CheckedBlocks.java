package org.gansweep.models.kernels;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Blocks for kernel checks with the same weights in float32 and float64: initialised in float32 from a fixed
 * seed, and for float64 a second block whose every parameter is the float32 one converted (DJL's
 * {@code Block.cast} is not implemented by the PyTorch engine).
 */
final class CheckedBlocks {
    private CheckedBlocks() {}

    static Block initialized(NDManager m, DataType precision, Supplier<Block> make, Consumer<Block> initialiseFloat32,
            Consumer<Block> initialiseFloat64) {
        Block b32 = make.get();
        initialiseFloat32.accept(b32);
        if (precision == DataType.FLOAT32) {
            return b32;
        }
        Block b64 = make.get();
        initialiseFloat64.accept(b64);
        List<Parameter> from = b32.getParameters().values();
        List<Parameter> to = b64.getParameters().values();
        for (int i = 0; i < from.size(); i++) {
            from.get(i).getArray().toType(precision, false).copyTo(to.get(i).getArray());
        }
        return b64;
    }

    /** The same block in {@code precision}, initialised for these input shapes from {@code seed}. */
    static Block initialized(NDManager m, DataType precision, Supplier<Block> make, long seed, Shape... inputs) {
        return initialized(m, precision, make, b -> {
            Engine.getInstance().setRandomSeed((int) seed);
            b.initialize(m, DataType.FLOAT32, inputs);
        }, b -> b.initialize(m, DataType.FLOAT64, inputs));
    }
}
