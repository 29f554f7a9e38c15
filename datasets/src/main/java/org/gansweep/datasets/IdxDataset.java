package org.gansweep.datasets;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Plugin;
import org.gansweep.core.plugin.RealSampler;

/**
 * MNIST-style 28x28 grey images from IDX files (gzipped or not), scaled to [-1, 1]: {@code fashion-mnist}
 * (Debian's dataset-fashion-mnist by default) and {@code mnist} (give its folder).
 */
public abstract class IdxDataset<P extends Record & IdxDataset.Params> extends Plugin<P, DatasetAdapter> {
    public enum Split {
        @com.fasterxml.jackson.annotation.JsonProperty("train")
        TRAIN,
        @com.fasterxml.jackson.annotation.JsonProperty("test")
        TEST;

        @Override
        public String toString() {
            return this == TRAIN ? "train" : "test";
        }

        String prefix() {
            return this == TRAIN ? "train" : "t10k";
        }
    }

    /** What both IDX datasets take: the folder, the split, and an optional cap on the images used. */
    public interface Params {
        /** Folder holding {train,t10k}-{images-idx3,labels-idx1}-ubyte[.gz]. */
        String path();

        /** train (60,000 images) or test (10,000). */
        Split split();

        /** Use only the first this many images (quick runs); all when absent. */
        Integer limit();
    }

    private final String howToGet;

    /** The names of the ten classes, by label. */
    protected abstract java.util.List<String> classNames();

    protected IdxDataset(Class<P> params, String howToGet, String summary) {
        super(params, summary);
        this.howToGet = howToGet;
    }

    Path folder(Params p) {
        return Path.of(p.path());
    }

    Split split(Params p) {
        return p.split();
    }

    private Path[] files(P p) {
        return files(p, split(p));
    }

    private Path[] files(P p, Split split) {
        Path dir = folder(p);
        if (!Files.isDirectory(dir)) {
            throw new FieldError("path", dir + " does not exist or is not a folder; " + howToGet);
        }
        String pre = split.prefix();
        Path images = DataFiles.find(dir, howToGet, pre + "-images-idx3-ubyte.gz", pre + "-images-idx3-ubyte", pre + "-images.idx3-ubyte");
        Path labels = DataFiles.find(dir, howToGet, pre + "-labels-idx1-ubyte.gz", pre + "-labels-idx1-ubyte", pre + "-labels.idx1-ubyte");
        return new Path[] {images, labels};
    }

    @Override
    public void check(P p) {
        FieldError.require(p.limit() == null || p.limit() > 0, "limit", "must be a positive number of images, got " + p.limit());
        Path[] f = files(p);
        DataFiles.verifyOnce(f[0], howToGet, () -> IdxImages.read(f[0], f[1], howToGet));
    }

    @Override
    protected DatasetAdapter build(P p) {
        return new DatasetAdapter() {
            private ImageSet data;

            private synchronized ImageSet data() {
                if (data == null) {
                    Path[] f = files(p);
                    data = IdxImages.read(f[0], f[1], howToGet).limit(p.limit());
                }
                return data;
            }

            @Override
            public Shape sampleShape() {
                return new Shape(1, 28, 28);
            }

            @Override
            public boolean hasLabels() {
                return true;
            }

            @Override
            public java.util.List<String> classNames() {
                return IdxDataset.this.classNames();
            }

            // Read once: metrics ask for the splits at every evaluation.
            private final java.util.Map<Boolean, org.gansweep.core.plugin.LabeledData> splits = new java.util.HashMap<>();

            @Override
            public synchronized java.util.Optional<org.gansweep.core.plugin.LabeledData> labeled(boolean train) {
                return java.util.Optional.of(splits.computeIfAbsent(train, t -> {
                    Path[] f = files(p, t ? Split.TRAIN : Split.TEST);
                    return IdxImages.read(f[0], f[1], howToGet).labeled(10, f[0].toAbsolutePath().toString());
                }));
            }

            @Override
            public RealSampler open(long seed) {
                ImageSet d = data();
                if (d.height != 28 || d.width != 28) {
                    throw new IllegalStateException(folder(p) + " holds " + d.height + "x" + d.width + " images, not 28x28");
                }
                return d.sampler(seed);
            }
        };
    }
}
