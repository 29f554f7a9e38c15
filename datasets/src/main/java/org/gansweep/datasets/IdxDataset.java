package org.gansweep.datasets;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.LabeledData;
import org.gansweep.core.plugin.RealSampler;

/**
 * MNIST-style 28x28 grey images from IDX files (gzipped or not), scaled to [-1, 1]: what {@link FashionMnist}
 * (Debian's dataset-fashion-mnist by default) and {@link Mnist} (give its folder) share. The images G learns from
 * and the evaluation classifier's splits are each read once, on first use.
 */
public abstract class IdxDataset implements DatasetAdapter {
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

    private final Params p;
    private final String howToGet;
    private ImageSet data;
    // Read once: metrics ask for the splits at every evaluation.
    private final Map<Boolean, LabeledData> splits = new HashMap<>();

    protected IdxDataset(Params p, String howToGet) {
        this.p = p;
        this.howToGet = howToGet;
    }

    /** The names of the ten classes, by label. */
    @Override
    public abstract List<String> classNames();

    private static Path[] files(Params p, Split split, String howToGet) {
        Path dir = Path.of(p.path());
        if (!Files.isDirectory(dir)) {
            throw new FieldError("path", dir + " does not exist or is not a folder; " + howToGet);
        }
        String pre = split.prefix();
        Path images = DataFiles.find(dir, howToGet, pre + "-images-idx3-ubyte.gz", pre + "-images-idx3-ubyte", pre + "-images.idx3-ubyte");
        Path labels = DataFiles.find(dir, howToGet, pre + "-labels-idx1-ubyte.gz", pre + "-labels-idx1-ubyte", pre + "-labels.idx1-ubyte");
        return new Path[] {images, labels};
    }

    /** The check each IDX dataset's factory makes: the limit, and that the files are there and readable. */
    static void checkFiles(Params p, String howToGet) {
        FieldError.require(p.limit() == null || p.limit() > 0, "limit", "must be a positive number of images, got " + p.limit());
        Path[] f = files(p, p.split(), howToGet);
        DataFiles.verifyOnce(f[0], howToGet, () -> IdxImages.read(f[0], f[1], howToGet));
    }

    private synchronized ImageSet data() {
        if (data == null) {
            Path[] f = files(p, p.split(), howToGet);
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
    public synchronized Optional<LabeledData> labeled(boolean train) {
        return Optional.of(splits.computeIfAbsent(train, t -> {
            Path[] f = files(p, t ? Split.TRAIN : Split.TEST, howToGet);
            return IdxImages.read(f[0], f[1], howToGet).labeled(10, f[0].toAbsolutePath().toString());
        }));
    }

    @Override
    public RealSampler open(long seed) {
        ImageSet d = data();
        if (d.height != 28 || d.width != 28) {
            throw new IllegalStateException(Path.of(p.path()) + " holds " + d.height + "x" + d.width + " images, not 28x28");
        }
        return d.sampler(seed);
    }
}
