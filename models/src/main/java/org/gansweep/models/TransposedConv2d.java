package org.gansweep.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.gansweep.core.train.TorchScriptModule;

/**
 * A transposed ("fractionally strided") convolution. DJL's PyTorch engine does not implement Conv2dTranspose, so
 * the shipped nets use {@link Native}: libtorch's own {@code conv_transpose2d} through a one-op TorchScript module
 * ({@code conv_transpose.pt}), one native call with its own backward. Two forms built from pieces DJL has are kept as
 * references for the tests (and the history: the shipped nets used the phase form before). The identity behind them: conv_transpose(x, W, stride s, padding p,
 * output padding q) equals a stride-1 convolution with padding k-1-p of x dilated by s (s-1 zeros between
 * pixels, q more at the bottom and right), with W flipped and its channel axes swapped. The blocks learn the
 * convolution's kernel directly: the same family of functions, the same output size
 * {@code (H - 1) s - 2p + k + q}. The dilated form multiplies the inserted zeros (4x the work at stride 2);
 * the {@link Phases} form, used at stride 2, does not.
 */
public final class TransposedConv2d {
    private TransposedConv2d() {}

    /**
     * The block for these settings: libtorch's conv_transpose2d ({@link Native}). Measured on the table1-fashion
     * DCGAN (AMD EPYC Zen 4, 1 thread): the phase form's four small convolutions, paddings and interleaving cost
     * about a third of a training step; NOTES.md has the numbers.
     */
    public static Block of(int filters, int kernel, int stride, int padding, int outputPadding) {
        check(kernel, stride, padding, outputPadding);
        return new Native(filters, kernel, stride, padding, outputPadding);
    }

    /** The phase form at stride 2 with an even output growth, else the dilated form: the references for the tests. */
    static Block composed(int filters, int kernel, int stride, int padding, int outputPadding) {
        check(kernel, stride, padding, outputPadding);
        if (stride == 2 && (kernel + outputPadding - 2 * padding) % 2 == 0) {
            return new Phases(filters, kernel, padding, outputPadding);
        }
        return dilated(filters, kernel, stride, padding, outputPadding);
    }

    /**
     * libtorch's conv_transpose2d: weight (in, out, k, k) as PyTorch's ConvTranspose2d holds it, bias (out). One
     * native call forward (oneDNN's deconvolution, or PyTorch's col2im kernels with oneDNN's convolutions off) and
     * libtorch's own backward.
     */
    public static final class Native extends AbstractBlock {
        private static final TorchScriptModule OP =
                new TorchScriptModule(TransposedConv2d.class, "conv_transpose.pt");
        private final int filters;
        private final int kernel;
        private final int stride;
        private final int padding;
        private final int outputPadding;
        private final Parameter weight;
        private final Parameter bias;

        Native(int filters, int kernel, int stride, int padding, int outputPadding) {
            this.filters = filters;
            this.kernel = kernel;
            this.stride = stride;
            this.padding = padding;
            this.outputPadding = outputPadding;
            weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
            bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).optShape(new Shape(filters)).build());
        }

        /** The layer's settings, for the kernel self-test to build it again: filters, kernel, stride, padding, output padding. */
        public int[] settings() {
            return new int[] {filters, kernel, stride, padding, outputPadding};
        }

        @Override
        protected void prepare(Shape[] inputs) {
            weight.setShape(new Shape(inputs[0].get(1), filters, kernel, kernel));
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray x = inputs.singletonOrThrow();
            NDArray w = ps.getValue(weight, x.getDevice(), training);
            NDArray b = ps.getValue(bias, x.getDevice(), training);
            // Read as ints inside the module, never kept by autograd: a Java-side buffer is safe here.
            try (NDArray settings = x.getManager().create(new long[] {stride, padding, outputPadding})) {
                return new NDList(OP.forward(training, x, w, b, settings).singletonOrThrow());
            }
        }

        @Override
        public Shape[] getOutputShapes(Shape[] in) {
            Shape s = in[0];
            return new Shape[] {new Shape(s.get(0), filters, size(s.get(2)), size(s.get(3)))};
        }

        private long size(long in) {
            return (in - 1) * stride - 2L * padding + kernel + outputPadding;
        }
    }

    private static void check(int kernel, int stride, int padding, int outputPadding) {
        if (padding > kernel - 1 || outputPadding < 0 || (outputPadding > 0 && outputPadding >= stride)) {
            throw new IllegalArgumentException("need padding <= kernel - 1 and output padding < stride");
        }
    }

    /** The dilated-input form: a stride-1 convolution over the input dilated by the stride. */
    static Block dilated(int filters, int kernel, int stride, int padding, int outputPadding) {
        check(kernel, stride, padding, outputPadding);
        SequentialBlock b = new SequentialBlock();
        if (stride > 1 || outputPadding > 0) {
            b.add(new LambdaBlock(list -> new NDList(dilate(list.singletonOrThrow(), stride, outputPadding)), "dilate"));
        }
        b.add(Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters)
                .optPadding(new Shape(kernel - 1 - padding, kernel - 1 - padding)).build());
        return b;
    }

    /**
     * A stride-2 transposed convolution without the zeros: output pixel (2m + a, 2n + b) only ever meets the
     * kernel taps of one parity per axis, so the layer is four small stride-1 convolutions of the undilated
     * input (phase (a, b) holds the taps t = t0(a) + 2u by t0(b) + 2v, k*k taps in all), interleaved, plus one
     * bias per output channel. The same function family and output size as the dilated form, at a quarter of
     * its multiplications.
     */
    public static final class Phases extends AbstractBlock {
        private final int filters;
        private final int kernel;
        private final int padding;
        private final int outputPadding;
        private final Block[][] phase = new Block[2][2];
        private final Parameter bias;

        Phases(int filters, int kernel, int padding, int outputPadding) {
            this.filters = filters;
            this.kernel = kernel;
            this.padding = padding;
            this.outputPadding = outputPadding;
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    phase[a][b] = addChildBlock("phase" + a + b, Conv2d.builder().setKernelShape(new Shape(taps(a), taps(b)))
                            .setFilters(filters).optBias(false).build());
                }
            }
            bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).optShape(new Shape(filters)).build());
        }

        /** The layer's settings, for the kernel self-test to build it again: filters, kernel, padding, output padding. */
        public int[] settings() {
            return new int[] {filters, kernel, padding, outputPadding};
        }

        /** The dilated form's padding on the left, k - 1 - p. */
        private int left() {
            return kernel - 1 - padding;
        }

        /** The first tap of phase r. */
        int first(int r) {
            return Math.floorMod(left() - r, 2);
        }

        /** How many taps phase r has along one axis. */
        int taps(int r) {
            return (kernel - first(r) + 1) / 2;
        }

        /** Input index of tap 0 for output 0 of phase r: x[m + u + offset(r)] meets tap u. */
        private int offset(int r) {
            return (r + first(r) - left()) / 2;
        }

        private long outputSize(long in) {
            return (in - 1) * 2 - 2L * padding + kernel + outputPadding;
        }

        /** Padding {left, right} that lines the input up for phase r (negative: cropped). */
        private long[] pads(int r, long in) {
            long half = outputSize(in) / 2;
            long l = -offset(r);
            return new long[] {l, half + taps(r) - 1 - in - l};
        }

        private Shape padded(Shape in, int a, int b) {
            long[] h = pads(a, in.get(2));
            long[] w = pads(b, in.get(3));
            return new Shape(in.get(0), in.get(1), in.get(2) + h[0] + h[1], in.get(3) + w[0] + w[1]);
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray x = inputs.singletonOrThrow();
            long hIn = x.getShape().get(2);
            long wIn = x.getShape().get(3);
            NDArray[] rows = new NDArray[2];
            for (int a = 0; a < 2; a++) {
                NDArray[] cols = new NDArray[2];
                for (int b = 0; b < 2; b++) {
                    long[] h = pads(a, hIn);
                    long[] w = pads(b, wIn);
                    // pad() takes (before, after) pairs from the last axis back, as torch's F.pad.
                    NDArray xp = x.pad(new Shape(w[0], w[1], h[0], h[1]), 0);
                    cols[b] = phase[a][b].forward(ps, new NDList(xp), training).singletonOrThrow();
                }
                Shape s = cols[0].getShape();
                rows[a] = cols[0].stack(cols[1], 4).reshape(s.get(0), s.get(1), s.get(2), 2 * s.get(3));
            }
            Shape s = rows[0].getShape();
            NDArray y = rows[0].stack(rows[1], 3).reshape(s.get(0), s.get(1), 2 * s.get(2), s.get(3));
            NDArray bb = ps.getValue(bias, x.getDevice(), training);
            return new NDList(y.add(bb.reshape(1, bb.getShape().get(0), 1, 1)));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] in) {
            Shape s = in[0];
            return new Shape[] {new Shape(s.get(0), filters,
                    outputSize(s.get(2)), outputSize(s.get(3)))};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    phase[a][b].initialize(manager, dataType, padded(in[0], a, b));
                }
            }
        }

        /** Phase (a, b)'s convolution, for tests that set its kernel from a dilated-form kernel. */
        Block phase(int a, int b) {
            return phase[a][b];
        }
    }

    /** (N, C, H, W) to (N, C, (H-1)s+1+q, (W-1)s+1+q) with the input at every s-th pixel, zeros elsewhere. */
    static NDArray dilate(NDArray x, int s, int q) {
        Shape sh = x.getShape();
        long n = sh.get(0);
        long c = sh.get(1);
        long h = sh.get(2);
        long w = sh.get(3);
        NDArray cols = x;
        long wOut = (w - 1) * s + 1 + q;
        long hOut = (h - 1) * s + 1 + q;
        if (s > 1) {
            NDArray z = x.getManager().zeros(new Shape(n, c, h, w, s - 1), x.getDataType());
            cols = NDArrays.concat(new NDList(x.expandDims(4), z), 4).reshape(n, c, h, w * s);
        } else {
            cols = NDArrays.concat(new NDList(x, x.getManager().zeros(new Shape(n, c, h, q), x.getDataType())), 3);
        }
        cols = cols.get(":, :, :, 0:" + wOut);
        NDArray rows;
        if (s > 1) {
            NDArray z = x.getManager().zeros(new Shape(n, c, h, s - 1, wOut), x.getDataType());
            rows = NDArrays.concat(new NDList(cols.expandDims(3), z), 3).reshape(n, c, h * s, wOut);
        } else {
            rows = NDArrays.concat(new NDList(cols, x.getManager().zeros(new Shape(n, c, q, wOut), x.getDataType())), 2);
        }
        return rows.get(":, :, 0:" + hOut + ", :");
    }
}
