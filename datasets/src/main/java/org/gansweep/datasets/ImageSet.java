package org.gansweep.datasets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.gansweep.core.plugin.LabeledData;
import org.gansweep.core.plugin.RealSampler;

/**
 * Images held as bytes (N x C x H x W, 0..255) with optional labels; batches come out as floats in
 * [-1, 1], drawn without replacement in a seeded order that is reshuffled every epoch.
 */
final class ImageSet {
    /** Labelled view of this set: values scaled as the sampler scales them. */
    LabeledData labeled(int classes, String identity) {
        ImageSet self = this;
        return new LabeledData() {
            @Override
            public int size() {
                return count;
            }

            @Override
            public int classes() {
                return classes;
            }

            @Override
            public Shape sampleShape() {
                return new Shape(channels, height, width);
            }

            @Override
            public void copy(int from, int to, float[] out, int[] labelsOut) {
                int size = self.imageSize();
                for (int i = from; i < to; i++) {
                    for (int p = 0; p < size; p++) {
                        out[(i - from) * size + p] = (pixels[i * size + p] & 0xff) / 127.5f - 1f;
                    }
                    labelsOut[i - from] = labels == null ? 0 : labels[i];
                }
            }

            @Override
            public String identity() {
                return identity;
            }
        };
    }

    final byte[] pixels;
    final int[] labels;
    final int count;
    final int channels;
    final int height;
    final int width;

    private List<Character> classNames = List.of();

    /** The character each class id stands for (character datasets), for reports. */
    ImageSet withClassNames(List<Character> names) {
        this.classNames = List.copyOf(names);
        return this;
    }

    List<Character> classNames() {
        return classNames;
    }

    ImageSet(byte[] pixels, int[] labels, int count, int channels, int height, int width) {
        this.pixels = pixels;
        this.labels = labels;
        this.count = count;
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    int imageSize() {
        return channels * height * width;
    }

    /** Every tenth image ({@code held = true}) or all the others: a deterministic hold-out split. */
    ImageSet everyTenth(boolean held) {
        int size = imageSize();
        int n = 0;
        for (int i = 0; i < count; i++) {
            if ((i % 10 == 9) == held) {
                n++;
            }
        }
        byte[] p = new byte[n * size];
        int[] l = labels == null ? null : new int[n];
        int k = 0;
        for (int i = 0; i < count; i++) {
            if ((i % 10 == 9) == held) {
                System.arraycopy(pixels, i * size, p, k * size, size);
                if (l != null) {
                    l[k] = labels[i];
                }
                k++;
            }
        }
        return new ImageSet(p, l, n, channels, height, width).withClassNames(classNames);
    }

    /** The first {@code n} images (all if n is null or larger). */
    ImageSet limit(Integer n) {
        if (n == null || n >= count) {
            return this;
        }
        byte[] p = Arrays.copyOf(pixels, n * imageSize());
        int[] l = labels == null ? null : Arrays.copyOf(labels, n);
        return new ImageSet(p, l, n, channels, height, width).withClassNames(classNames);
    }

    /**
     * Batches are gathered on the native side from one uint8 tensor of the whole set: no per-step Java
     * buffers (DJL would copy each into a fresh direct buffer, freed only when the GC runs).
     */
    RealSampler sampler(long seed) {
        NDManager own = NDManager.newBaseManager();
        NDArray all = own.create(ByteBuffer.wrap(pixels), new Shape(count, channels, height, width), DataType.UINT8);
        NDArray allLabels = labels == null ? null : own.create(Arrays.stream(labels).asLongStream().toArray());
        return new Shuffled(count, seed) {
            private long[] index = new long[0];

            @Override
            public NDArray next(NDManager manager, int batch) {
                NDArray picked = all.get(pick(manager, batch));
                picked.attach(manager);
                return picked.toType(DataType.FLOAT32, false).divi(127.5f).subi(1f);
            }

            @Override
            public NDList nextLabeled(NDManager manager, int batch) {
                if (allLabels == null) {
                    throw new UnsupportedOperationException("this image set has no labels for a conditional model");
                }
                NDArray at = pick(manager, batch);
                NDArray picked = all.get(at);
                picked.attach(manager);
                NDArray y = allLabels.get(at);
                y.attach(manager);
                return new NDList(picked.toType(DataType.FLOAT32, false).divi(127.5f).subi(1f), y);
            }

            /** The next batch's indices, in {@code manager}. */
            private NDArray pick(NDManager manager, int batch) {
                if (index.length != batch) {
                    index = new long[batch];
                }
                for (int b = 0; b < batch; b++) {
                    index[b] = nextIndex();
                }
                return manager.create(index);
            }

            @Override
            public void close() {
                own.close();
            }
        };
    }

    /** Visits 0..n-1 in a fresh seeded permutation each epoch. */
    abstract static class Shuffled implements RealSampler {
        private final SplittableRandom random;
        private final int[] order;
        private int position;

        Shuffled(int n, long seed) {
            random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 7);
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            position = n;
        }

        int nextIndex() {
            if (position == order.length) {
                for (int i = order.length - 1; i > 0; i--) { // Fisher-Yates
                    int j = random.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                position = 0;
            }
            return order[position++];
        }
    }
}
