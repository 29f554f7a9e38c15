package org.gansweep.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.initializer.Initializer;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gansweep.core.plugin.Architecture;

/**
 * How much memory a G and D pair needs before anything is trained, so that {@code validate} can refuse a
 * config that cannot fit ({@code noiseDim: 1000000000}) instead of letting the run die of it. The networks
 * are built and shape-initialised with an initializer that only counts each parameter's elements and
 * returns a one-element array: no weight is allocated, whatever the sizes.
 */
public final class ParameterBudget {
    /** float32 weight, its gradient and Adam's two moments. */
    static final int BYTES_PER_PARAMETER = 16;

    private static final Map<String, Long> CACHE = new ConcurrentHashMap<>();

    private ParameterBudget() {}

    /** Parameters of G and D together for samples of {@code sample} (conditional nets: {@code classes} labels). */
    public static long parameters(String key, Architecture a, Shape sample, int classes) {
        return CACHE.computeIfAbsent(key + "|" + sample + "|" + classes, k -> count(a, sample, classes));
    }

    private static long count(Architecture a, Shape sample, int classes) {
        long[] total = new long[1];
        Initializer counting = new Initializer() {
            @Override
            public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
                total[0] = Math.addExact(total[0], shape.size());
                return manager.zeros(new Shape(1), dataType);
            }
        };
        Shape labels = new Shape(1, Math.max(1, classes));
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = a.generator(sample);
            g.setInitializer(counting, p -> true);
            Block d = a.discriminator(sample);
            d.setInitializer(counting, p -> true);
            Shape noise = new Shape(1, a.noiseDim());
            Shape real = new Shape(1).addAll(sample);
            if (a.conditional()) {
                g.initialize(m, DataType.FLOAT32, noise, labels);
                d.initialize(m, DataType.FLOAT32, real, labels);
            } else {
                g.initialize(m, DataType.FLOAT32, noise);
                d.initialize(m, DataType.FLOAT32, real);
            }
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
        return total[0];
    }

    /** Bytes for weights, gradients and Adam's moments of {@code parameters} parameters (saturating). */
    public static long bytes(long parameters) {
        return parameters > Long.MAX_VALUE / BYTES_PER_PARAMETER ? Long.MAX_VALUE : parameters * BYTES_PER_PARAMETER;
    }

    /** This machine's physical memory in bytes (0 when the JVM cannot tell). */
    public static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }
}
