package org.gansweep.models.kernels;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gansweep.models.TransposedConv2d;

/**
 * The distinct layer settings and input shapes found in {@link ShippedNets}, found once per process (the nets are
 * built, walked and dropped: the checks make their own weights).
 */
final class LayerShapes {
    /** A convolution as the nets call it: input (N, C, H, W), kernel, stride, padding, output maps, bias. */
    record Conv(Shape input, Shape kernel, Shape stride, Shape padding, int filters, boolean bias) {
        long[] weightShape() {
            return new long[] {filters, input.get(1), kernel.get(0), kernel.get(1)};
        }
    }

    /** A transposed convolution: its settings ({@link TransposedConv2d.Native#settings()}) and input. */
    record Transposed(int[] settings, Shape input) {}

    /** A linear layer: input (N, features) and output units. */
    record Dense(Shape input, long units) {}

    private static List<Conv> convs;
    private static List<Transposed> transposed;
    private static List<Shape> batchNorms;
    private static List<Dense> linears;

    private LayerShapes() {}

    static synchronized List<Conv> convolutions() {
        find();
        return convs;
    }

    static synchronized List<Transposed> transposedConvolutions() {
        find();
        return transposed;
    }

    static synchronized List<Shape> batchNorms() {
        find();
        return batchNorms;
    }

    static synchronized List<Dense> linears() {
        find();
        return linears;
    }

    private static void find() {
        if (convs != null) {
            return;
        }
        Set<Conv> c = new LinkedHashSet<>();
        List<Transposed> t = new ArrayList<>();
        Set<String> tSeen = new LinkedHashSet<>();
        Set<Shape> bn = new LinkedHashSet<>();
        Set<Dense> d = new LinkedHashSet<>();
        try (NDManager m = NDManager.newBaseManager()) {
            for (ShippedNets.Net net : ShippedNets.all()) {
                for (Block root : List.of(ShippedNets.generator(m, net, DataType.FLOAT32), ShippedNets.discriminator(m, net, DataType.FLOAT32))) {
                    ShippedNets.walk(root, b -> {
                        if (b instanceof Conv2d conv) {
                            c.add(new Conv(b.getInputShapes()[0], conv.getKernelShape(), conv.getStride(), conv.getPadding(),
                                    conv.getFilters(), conv.isIncludeBias()));
                        } else if (b instanceof TransposedConv2d.Native p) {
                            if (tSeen.add(Arrays.toString(p.settings()) + b.getInputShapes()[0])) {
                                t.add(new Transposed(p.settings(), b.getInputShapes()[0]));
                            }
                        } else if (b instanceof BatchNorm) {
                            bn.add(b.getInputShapes()[0]);
                        } else if (b instanceof Linear l) {
                            Shape in = b.getInputShapes()[0];
                            d.add(new Dense(new Shape(in.get(0), in.size() / in.get(0)), l.getParameters().get("weight").getArray().getShape().get(0)));
                        }
                    });
                }
            }
        }
        convs = List.copyOf(c);
        transposed = List.copyOf(t);
        batchNorms = List.copyOf(bn);
        linears = List.copyOf(d);
    }
}
