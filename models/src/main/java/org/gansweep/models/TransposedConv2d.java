package org.gansweep.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;

/**
 * A transposed ("fractionally strided") convolution, built from pieces DJL's PyTorch engine has, because
 * its Conv2dTranspose is not implemented there. The identity used: conv_transpose(x, W, stride s, padding p,
 * output padding q) equals a stride-1 convolution with padding k-1-p of x dilated by s (s-1 zeros between
 * pixels, q more at the bottom and right), with W flipped and its channel axes swapped. The block learns the
 * convolution's kernel directly: the same family of functions, the same output size
 * {@code (H - 1) s - 2p + k + q}, at the cost of multiplying the inserted zeros.
 */
public final class TransposedConv2d {
    private TransposedConv2d() {}

    public static Block of(int filters, int kernel, int stride, int padding, int outputPadding) {
        if (padding > kernel - 1 || outputPadding < 0 || (outputPadding > 0 && outputPadding >= stride)) {
            throw new IllegalArgumentException("need padding <= kernel - 1 and output padding < stride");
        }
        SequentialBlock b = new SequentialBlock();
        if (stride > 1 || outputPadding > 0) {
            b.add(new LambdaBlock(list -> new NDList(dilate(list.singletonOrThrow(), stride, outputPadding)), "dilate"));
        }
        b.add(Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters)
                .optPadding(new Shape(kernel - 1 - padding, kernel - 1 - padding)).build());
        return b;
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
