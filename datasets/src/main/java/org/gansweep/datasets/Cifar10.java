package org.gansweep.datasets;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.LabeledData;
import org.gansweep.core.plugin.Plugin;
import org.gansweep.core.plugin.RealSampler;

/**
 * CIFAR-10's binary version: files of 10,000 records, each one label byte then 3,072 pixel bytes (the red,
 * green and blue 32x32 planes). Training uses data_batch_1..5.bin, test uses test_batch.bin.
 */
public final class Cifar10 implements DatasetAdapter {
    static final int RECORD = 1 + 3 * 32 * 32;
    static final String HOW_TO_GET = "download the CIFAR-10 binary version (cifar-10-binary.tar.gz), unpack it and set dataset.path to its cifar-10-batches-bin folder";

    /**
     * @param path the cifar-10-batches-bin folder
     * @param split train (50,000 images) or test (10,000)
     * @param limit use only the first this many images
     */
    public record Params(String path, IdxDataset.Split split, Integer limit) {
        public Params {
            path = path == null ? "data/cifar-10-batches-bin" : path;
            split = split == null ? IdxDataset.Split.TRAIN : split;
        }
    }

    static List<Path> files(Params p) {
        Path dir = Path.of(p.path());
        if (!Files.isDirectory(dir)) {
            throw new FieldError("path", dir + " does not exist or is not a folder; " + HOW_TO_GET);
        }
        List<Path> out = new ArrayList<>();
        if (p.split() == IdxDataset.Split.TRAIN) {
            for (int i = 1; i <= 5; i++) {
                out.add(DataFiles.find(dir, HOW_TO_GET, "data_batch_" + i + ".bin"));
            }
        } else {
            out.add(DataFiles.find(dir, HOW_TO_GET, "test_batch.bin"));
        }
        return out;
    }

    static ImageSet read(List<Path> files) {
        List<byte[]> chunks = new ArrayList<>();
        int n = 0;
        for (Path f : files) {
            try {
                byte[] b = DataFiles.readAll(f);
                if (b.length == 0 || b.length % RECORD != 0) {
                    throw new FieldError("path", f + " is truncated or corrupt: " + b.length + " bytes is not a whole number of "
                            + RECORD + "-byte CIFAR-10 records; " + HOW_TO_GET);
                }
                chunks.add(b);
                n += b.length / RECORD;
            } catch (IOException e) {
                throw new FieldError("path", "cannot read " + f + ": " + e.getMessage() + "; " + HOW_TO_GET);
            }
        }
        byte[] pixels = new byte[n * (RECORD - 1)];
        int[] labels = new int[n];
        int i = 0;
        for (byte[] b : chunks) {
            for (int r = 0; r < b.length / RECORD; r++, i++) {
                labels[i] = b[r * RECORD] & 0xff;
                if (labels[i] > 9) {
                    throw new FieldError("path", "record " + i + " has label " + labels[i] + ", not 0-9: not CIFAR-10 binary data; " + HOW_TO_GET);
                }
                System.arraycopy(b, r * RECORD + 1, pixels, i * (RECORD - 1), RECORD - 1);
            }
        }
        return new ImageSet(pixels, labels, n, 3, 32, 32);
    }

    private final Params p;
    private ImageSet data;
    // Read once: metrics ask for the splits at every evaluation.
    private final Map<Boolean, LabeledData> splits = new HashMap<>();

    public Cifar10(Params p) {
        this.p = p;
    }

    @Override
    public Shape sampleShape() {
        return new Shape(3, 32, 32);
    }

    @Override
    public boolean hasLabels() {
        return true;
    }

    @Override
    public List<String> classNames() {
        return List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");
    }

    @Override
    public synchronized Optional<LabeledData> labeled(boolean train) {
        return Optional.of(splits.computeIfAbsent(train, t -> {
            List<Path> f = files(new Params(p.path(), t ? IdxDataset.Split.TRAIN : IdxDataset.Split.TEST, null));
            return read(f).labeled(10, f.get(0).toAbsolutePath().getParent() + (t ? "#train" : "#test"));
        }));
    }

    @Override
    public synchronized RealSampler open(long seed) {
        if (data == null) {
            data = read(files(p)).limit(p.limit());
        }
        return data.sampler(seed);
    }

    /** Registered as {@code cifar10}. */
    public static final class Factory extends Plugin<Params, DatasetAdapter> {
        public Factory() {
            super(Params.class, "CIFAR-10 binary batches, 32x32 RGB (path, split, limit)");
        }

        @Override
        public void check(Params p) {
            FieldError.require(p.limit() == null || p.limit() > 0, "limit", "must be a positive number of images, got " + p.limit());
            List<Path> f = files(p);
            DataFiles.verifyOnce(f.get(0), HOW_TO_GET, () -> read(f));
        }

        @Override
        protected DatasetAdapter build(Params p) {
            return new Cifar10(p);
        }
    }
}
