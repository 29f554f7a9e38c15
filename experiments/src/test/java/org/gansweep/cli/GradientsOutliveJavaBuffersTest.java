package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gansweep.core.config.Yaml;
import org.gansweep.core.plugin.AdversarialLoss;
import org.gansweep.core.plugin.Architecture;
import org.gansweep.core.plugin.Kind;
import org.gansweep.core.plugin.Plugin;
import org.gansweep.core.plugin.PluginCatalog;
import org.junit.jupiter.api.Test;

/**
 * Every loss and every architecture gives the same gradients when the garbage collector frees Java direct buffers
 * between the forward and the backward pass. DJL's {@code op(Number)} puts the number on a direct buffer that it
 * closes at once, while autograd keeps reading it for mul, div and pow (see GraphScalars): a graph built that way
 * gave a gradient scaled by 8e-41 here, and, in real sweeps, numbers that changed from run to run with the
 * collector's timing. The forced collection makes the timing certain instead of rare.
 */
class GradientsOutliveJavaBuffersTest {
    /** A sample shape each architecture accepts; a new architecture must be added here to be checked. */
    private static final Map<String, Shape> SAMPLES = Map.of(
            "mlp", new Shape(2),
            "mlp-image", new Shape(1, 28, 28),
            "dcgan", new Shape(1, 28, 28),
            "lsgan-112", new Shape(3, 112, 112),
            "lsgan-conditional", new Shape(1, 28, 28));
    private static final int CLASSES = 3;

    private final PluginCatalog catalog = Main.injector().getInstance(PluginCatalog.class);

    @Test
    void everyLossKeepsItsGradientsThroughACollection() throws Exception {
        Map<String, Plugin<?, ?>> losses = catalog.of(Kind.LOSS);
        assertTrue(losses.size() >= 4, losses.keySet().toString());
        for (Map.Entry<String, Plugin<?, ?>> e : losses.entrySet()) {
            AdversarialLoss loss = (AdversarialLoss) e.getValue().create(defaults(e.getValue()));
            for (boolean generator : new boolean[] {false, true}) {
                float[][] quiet = lossGradients(loss, generator, false);
                float[][] collected = lossGradients(loss, generator, true);
                String what = e.getKey() + (generator ? " generator" : " discriminator") + " loss";
                for (int i = 0; i < quiet.length; i++) {
                    assertArrayEquals(quiet[i], collected[i], what + ": the gradient changed when buffers were freed before backward");
                }
            }
        }
    }

    @Test
    void everyArchitectureKeepsItsGradientsThroughACollection() throws Exception {
        Map<String, Plugin<?, ?>> architectures = catalog.of(Kind.ARCHITECTURE);
        assertEquals(SAMPLES.keySet(), architectures.keySet(), "give every architecture a sample shape in SAMPLES");
        for (Map.Entry<String, Plugin<?, ?>> e : architectures.entrySet()) {
            Architecture arch = (Architecture) e.getValue().create(defaults(e.getValue()));
            List<float[]> quiet = networkGradients(arch, SAMPLES.get(e.getKey()), false);
            List<float[]> collected = networkGradients(arch, SAMPLES.get(e.getKey()), true);
            assertEquals(quiet.size(), collected.size());
            for (int i = 0; i < quiet.size(); i++) {
                assertArrayEquals(quiet.get(i), collected.get(i), e.getKey() + ": parameter " + i
                        + "'s gradient changed when buffers were freed before backward");
            }
        }
    }

    private static Record defaults(Plugin<?, ?> plugin) throws Exception {
        return Yaml.json().readValue("{}", plugin.paramsType());
    }

    /** The gradients of the loss with respect to D's real and fake scores (fixed values, some on each side of 0). */
    private static float[][] lossGradients(AdversarialLoss loss, boolean generator, boolean collect) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray real = m.create(new float[] {0.9f, -0.3f, 1.7f, 0.2f}, new Shape(4, 1));
            NDArray fake = m.create(new float[] {-1.1f, 0.4f, -0.2f, 2.5f}, new Shape(4, 1));
            real.setRequiresGradient(true);
            fake.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = generator ? loss.generatorLoss(fake) : loss.discriminatorLoss(real, fake);
                if (collect) {
                    freeUnreachableDirectBuffers();
                }
                gc.backward(l);
            }
            return generator ? new float[][] {fake.getGradient().toFloatArray()}
                    : new float[][] {real.getGradient().toFloatArray(), fake.getGradient().toFloatArray()};
        }
    }

    /** The gradients of every G and D parameter for sum(D(G(z))), both networks in training mode, batch 2. */
    private static List<float[]> networkGradients(Architecture arch, Shape sample, boolean collect) throws Exception {
        Engine.getInstance().setRandomSeed(11);
        Block g = arch.generator(sample);
        Block d = arch.discriminator(sample);
        try (NDManager m = NDManager.newBaseManager()) {
            int batch = 2;
            Shape noiseShape = new Shape(batch, arch.noiseDim());
            NDArray labels = arch.conditional() ? m.create(new int[] {0, 2}).oneHot(CLASSES) : null;
            if (labels != null) {
                g.initialize(m, DataType.FLOAT32, noiseShape, labels.getShape());
                d.initialize(m, DataType.FLOAT32, new Shape(batch).addAll(sample), labels.getShape());
            } else {
                g.initialize(m, DataType.FLOAT32, noiseShape);
                d.initialize(m, DataType.FLOAT32, new Shape(batch).addAll(sample));
            }
            ParameterStore ps = new ParameterStore(m, false);
            NDArray z = m.randomNormal(noiseShape);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray fake = g.forward(ps, labels == null ? new NDList(z) : new NDList(z, labels), true).singletonOrThrow();
                NDArray scores = d.forward(ps, labels == null ? new NDList(fake) : new NDList(fake, labels), true).singletonOrThrow();
                NDArray l = scores.sum();
                if (collect) {
                    freeUnreachableDirectBuffers();
                }
                gc.backward(l);
            }
            List<float[]> out = new ArrayList<>();
            for (Block b : List.of(g, d)) {
                for (Parameter p : b.getParameters().values()) {
                    if (p.requiresGradient()) {
                        out.add(p.getArray().getGradient().toFloatArray());
                    }
                }
            }
            return out;
        }
    }

    /**
     * Collects until the JVM has freed the direct buffers nobody references (a sentinel among them), then
     * allocates small ones full of 0x7f so that freed memory holds other values.
     */
    private static void freeUnreachableDirectBuffers() throws InterruptedException {
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).findFirst().orElseThrow();
        ByteBuffer.allocateDirect(1); // the sentinel: unreachable at once
        long before = direct.getCount();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (direct.getCount() >= before) {
            assertTrue(System.nanoTime() < deadline, "the JVM never freed an unreachable direct buffer");
            System.gc();
            Thread.sleep(5);
        }
        List<ByteBuffer> keep = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4 + i % 61);
            while (b.hasRemaining()) {
                b.put((byte) 0x7f);
            }
            keep.add(b);
        }
        assertEquals(2000, keep.size());
    }
}
