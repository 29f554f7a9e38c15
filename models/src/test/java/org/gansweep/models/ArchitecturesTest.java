package org.gansweep.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.List;
import org.gansweep.core.plugin.Architecture;
import org.junit.jupiter.api.Test;

class ArchitecturesTest {
    private static long[] out(Block b, NDManager m, Shape in) {
        b.initialize(m, DataType.FLOAT32, in);
        return b.forward(new ParameterStore(m, false), new NDList(m.randomNormal(in)), true).singletonOrThrow().getShape().getShape();
    }

    /** conv_transpose(x, ones(3x3), stride 2, padding 1, output padding 1) on [[1, 2], [3, 4]], worked by hand. */
    @Test
    void transposedConvolutionMatchesTheHandComputedResult() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block t = TransposedConv2d.of(1, 3, 2, 1, 1);
            t.setInitializer(new ConstantInitializer(1f), Parameter.Type.WEIGHT);
            t.setInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS);
            t.initialize(m, DataType.FLOAT32, new Shape(1, 1, 2, 2));
            float[] y = t.forward(new ParameterStore(m, false), new NDList(m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2))), false)
                    .singletonOrThrow().toFloatArray();
            assertArrayEquals(new float[] {
                1, 3, 2, 2,
                4, 10, 6, 6,
                3, 7, 4, 4,
                3, 7, 4, 4}, y);
        }
    }

    /** The four-phase form computes exactly what the dilated form computes with the same kernel taps. */
    @Test
    void phaseTransposedConvolutionEqualsTheDilatedForm() {
        int[][] settings = {{4, 1, 0}, {3, 1, 1}, {5, 2, 1}, {4, 2, 0}}; // kernel, padding, output padding
        for (int[] k : settings) {
            try (NDManager m = NDManager.newBaseManager()) {
                ParameterStore ps = new ParameterStore(m, false);
                Shape in = new Shape(2, 3, 5, 6);
                Block dilated = TransposedConv2d.dilated(4, k[0], 2, k[1], k[2]);
                dilated.setInitializer(new ai.djl.training.initializer.NormalInitializer(1f), Parameter.Type.WEIGHT);
                dilated.setInitializer(new ai.djl.training.initializer.NormalInitializer(1f), Parameter.Type.BIAS);
                dilated.initialize(m, DataType.FLOAT32, in);
                TransposedConv2d.Phases phases = (TransposedConv2d.Phases) TransposedConv2d.composed(4, k[0], 2, k[1], k[2]);
                phases.initialize(m, DataType.FLOAT32, in);
                var kernel = dilated.getParameters().valueAt(0).getArray();
                var bias = dilated.getParameters().valueAt(1).getArray();
                for (int a = 0; a < 2; a++) {
                    for (int b = 0; b < 2; b++) {
                        var w = phases.phase(a, b).getParameters().valueAt(0).getArray();
                        var taps = kernel.get(":, :, " + phases.first(a) + "::2, " + phases.first(b) + "::2");
                        assertArrayEquals(taps.getShape().getShape(), w.getShape().getShape());
                        w.set(taps.toFloatArray());
                    }
                }
                phases.getParameters().get("bias").getArray().set(bias.toFloatArray());
                var x = m.randomNormal(in);
                var expected = dilated.forward(ps, new NDList(x), false).singletonOrThrow();
                var actual = phases.forward(ps, new NDList(x), false).singletonOrThrow();
                assertArrayEquals(expected.getShape().getShape(), actual.getShape().getShape());
                assertArrayEquals(expected.getShape().getShape(), phases.getOutputShapes(new Shape[] {in})[0].getShape());
                float[] e = expected.toFloatArray();
                float[] g = actual.toFloatArray();
                for (int i = 0; i < e.length; i++) {
                    assertEquals(e[i], g[i], 1e-4, "kernel " + k[0] + " padding " + k[1] + " output padding " + k[2] + " at " + i);
                }
            }
        }
    }

    /**
     * libtorch's conv_transpose2d (the shipped block) computes what the dilated form computes with the kernel
     * flipped and its channel axes swapped, forward and backward: its gradients come through the TorchScript call.
     */
    @Test
    void nativeTransposedConvolutionEqualsTheDilatedFormForwardAndBackward() {
        int[][] settings = {{4, 2, 1, 0}, {5, 2, 2, 1}, {3, 1, 1, 0}, {3, 2, 1, 1}}; // kernel, stride, padding, output padding
        for (int[] k : settings) {
            try (NDManager m = NDManager.newBaseManager()) {
                ParameterStore ps = new ParameterStore(m, false);
                Shape in = new Shape(2, 3, 5, 6);
                Block dilated = TransposedConv2d.dilated(4, k[0], k[1], k[2], k[3]);
                dilated.setInitializer(new ai.djl.training.initializer.NormalInitializer(1f), Parameter.Type.WEIGHT);
                dilated.setInitializer(new ai.djl.training.initializer.NormalInitializer(1f), Parameter.Type.BIAS);
                dilated.initialize(m, DataType.FLOAT32, in);
                Block nat = TransposedConv2d.of(4, k[0], k[1], k[2], k[3]);
                nat.initialize(m, DataType.FLOAT32, in);
                var conv = dilated.getParameters().valueAt(0).getArray(); // (out, in, k, k)
                var w = nat.getParameters().get("weight").getArray(); // (in, out, k, k)
                w.set(conv.flip(2, 3).transpose(1, 0, 2, 3).toFloatArray());
                nat.getParameters().get("bias").getArray().set(dilated.getParameters().valueAt(1).getArray().toFloatArray());
                var x = m.randomNormal(in);
                var u = m.randomNormal(new Shape(nat.getOutputShapes(new Shape[] {in})[0].getShape()));
                float[][] results = new float[2][];
                float[][] weightGrads = new float[2][];
                Block[] forms = {dilated, nat};
                for (int f = 0; f < 2; f++) {
                    var xi = x.duplicate();
                    xi.setRequiresGradient(true);
                    try (var gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                        var y = forms[f].forward(ps, new NDList(xi), true).singletonOrThrow();
                        results[f] = y.toFloatArray();
                        gc.backward(y.mul(u).sum());
                    }
                    results[f] = concat(results[f], xi.getGradient().toFloatArray());
                    var g = forms[f].getParameters().valueAt(0).getArray().getGradient();
                    weightGrads[f] = (f == 0 ? g.flip(2, 3).transpose(1, 0, 2, 3) : g).toFloatArray();
                }
                String at = "kernel " + k[0] + " stride " + k[1] + " padding " + k[2] + " output padding " + k[3];
                assertEquals(results[0].length, results[1].length, at);
                for (int i = 0; i < results[0].length; i++) {
                    assertEquals(results[0][i], results[1][i], 1e-3, at + ": output and input gradient at " + i);
                }
                for (int i = 0; i < weightGrads[0].length; i++) {
                    assertEquals(weightGrads[0][i], weightGrads[1][i], 1e-3, at + ": weight gradient at " + i);
                }
            }
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void transposedConvolutionOutputSizeIsTheFormula() {
        try (NDManager m = NDManager.newBaseManager()) {
            // (H - 1) s - 2p + k + q
            assertArrayEquals(new long[] {2, 8, 14, 14}, out(TransposedConv2d.of(8, 4, 2, 1, 0), m, new Shape(2, 3, 7, 7)));
            assertArrayEquals(new long[] {2, 8, 14, 14}, out(TransposedConv2d.of(8, 3, 2, 1, 1), m, new Shape(2, 3, 7, 7)));
            assertArrayEquals(new long[] {2, 8, 7, 7}, out(TransposedConv2d.of(8, 3, 1, 1, 0), m, new Shape(2, 3, 7, 7)));
        }
    }

    private static void check(Architecture a, Shape sample) {
        try (NDManager m = NDManager.newBaseManager()) {
            long[] g = out(a.generator(sample), m, new Shape(2, a.noiseDim()));
            assertArrayEquals(new Shape(2).addAll(sample).getShape(), g);
            assertArrayEquals(new long[] {2, 1}, out(a.discriminator(sample), m, new Shape(2).addAll(sample)));
        }
    }

    @Test
    void dcganFitsEachSupportedSize() {
        Architecture a = new DcganArchitecture(new DcganArchitecture.Params(16, 8, null, null));
        check(a, new Shape(1, 28, 28));
        check(a, new Shape(3, 32, 32));
        check(a, new Shape(3, 64, 64));
        assertThrows(IllegalArgumentException.class, () -> a.generator(new Shape(3, 48, 48)));
        assertTrue(a.discriminatorUsesBatchStatistics());
        Architecture noBn = new DcganArchitecture(new DcganArchitecture.Params(16, 8, new DcganArchitecture.Net(false), new DcganArchitecture.Net(false)));
        assertFalse(noBn.discriminatorUsesBatchStatistics());
        check(noBn, new Shape(1, 28, 28));
    }

    @Test
    void thePapersLsunNetsMake112PixelImages() {
        check(new LsganLsunArchitecture(new LsganLsunArchitecture.Params(32, null, null, null)), new Shape(3, 112, 112));
    }

    @Test
    void mlpImageHasTheKerasDefaultsAndPartialNetsKeepThem() {
        MlpImageArchitecture.Params p = new MlpImageArchitecture.Params(null, new Mlp.Net(null, null, null, false), null, null);
        assertEquals(100, p.noiseDim());
        assertEquals(List.of(256, 512, 1024), p.generator().hidden());
        assertEquals(Mlp.ActivationKind.LEAKY_RELU, p.generator().activation());
        assertFalse(p.generator().batchNorm());
        assertEquals(List.of(512, 256), p.discriminator().hidden());
        check(new MlpImageArchitecture(p), new Shape(1, 28, 28));
        check(new MlpArchitecture(new MlpArchitecture.Params(null, null, null, null)), new Shape(2));
    }

    /** The conditional nets: shapes for each supported size, and the label really reaches G's and D's outputs. */
    @Test
    void conditionalNetsTakeTheLabelThroughTheMapping() {
        ConditionalLsganArchitecture.Params p = new ConditionalLsganArchitecture.Params(16, 8,
                new ConditionalLsganArchitecture.GeneratorNet(8, null), new ConditionalLsganArchitecture.DiscriminatorNet(List.of(8, 16), 32, false));
        Architecture a = new ConditionalLsganArchitecture(p);
        assertTrue(a.conditional());
        assertFalse(a.discriminatorUsesBatchStatistics());
        int classes = 5;
        for (Shape sample : List.of(new Shape(1, 28, 28), new Shape(1, 32, 32), new Shape(3, 16, 16), new Shape(1, 56, 56))) {
            try (NDManager m = NDManager.newBaseManager()) {
                ParameterStore ps = new ParameterStore(m, false);
                Block g = a.generator(sample);
                Block d = a.discriminator(sample);
                // Larger weights than DCGAN's N(0, 0.02), so that the label's effect is far above rounding.
                g.setInitializer(new ai.djl.training.initializer.NormalInitializer(0.3f), Parameter.Type.WEIGHT);
                d.setInitializer(new ai.djl.training.initializer.NormalInitializer(0.3f), Parameter.Type.WEIGHT);
                Shape labels = new Shape(3, classes);
                g.initialize(m, DataType.FLOAT32, new Shape(3, 16), labels);
                d.initialize(m, DataType.FLOAT32, new Shape(3).addAll(sample), labels);
                assertArrayEquals(new Shape(3).addAll(sample).getShape(), g.getOutputShapes(new Shape[] {new Shape(3, 16), labels})[0].getShape());
                var z = m.randomNormal(new Shape(1, 16)).repeat(0, 3);
                var y = m.create(new int[] {0, 1, 4}).oneHot(classes);
                var x = g.forward(ps, new NDList(z, y), false).singletonOrThrow();
                assertArrayEquals(new Shape(3).addAll(sample).getShape(), x.getShape().getShape());
                // Same noise, different classes: different images, and D scores the same image differently per class.
                assertTrue(x.get(0).sub(x.get(1)).abs().max().getFloat() > 1e-4);
                var same = x.get("0:1").repeat(0, 3);
                float[] s = d.forward(ps, new NDList(same, y), false).singletonOrThrow().toFloatArray();
                assertEquals(3, s.length);
                assertTrue(Math.abs(s[0] - s[1]) > 1e-6 && Math.abs(s[1] - s[2]) > 1e-6, java.util.Arrays.toString(s));
            }
        }
        // The paper's widths by default: D's convolutions have channels + 256 and 64 + 256 maps.
        ConditionalLsganArchitecture.Params paper = new ConditionalLsganArchitecture.Params(null, null, null, null);
        assertEquals(1024, paper.noiseDim());
        assertEquals(256, paper.labelDim());
        assertEquals(128, paper.generator().filters());
        assertEquals(1024, paper.discriminator().hidden());
        assertThrows(IllegalArgumentException.class, () -> a.generator(new Shape(1, 48, 48)));
        assertEquals(7, ConditionalLsganArchitecture.start(28));
        assertEquals(8, ConditionalLsganArchitecture.start(64));
        assertEquals(7, ConditionalLsganArchitecture.start(112));
    }
}
