package org.gansweep.datasets;

import java.util.List;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.Plugin;

/** MNIST from its four IDX files in a folder of your choice. */
public final class Mnist extends IdxDataset {
    static final String HOW_TO_GET = "download MNIST's four IDX files (train/t10k images and labels) into a folder and set dataset.path to it";

    public record Params(String path, Split split, Integer limit) implements IdxDataset.Params {
        public Params {
            path = path == null ? "data/mnist" : path;
            split = split == null ? Split.TRAIN : split;
        }
    }

    public Mnist(Params p) {
        super(p, HOW_TO_GET);
    }

    @Override
    public List<String> classNames() {
        return List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    /** Registered as {@code mnist}. */
    public static final class Factory extends Plugin<Params, DatasetAdapter> {
        public Factory() {
            super(Params.class, "MNIST, 28x28 grey, IDX files (path, split, limit)");
        }

        @Override
        public void check(Params p) {
            checkFiles(p, HOW_TO_GET);
        }

        @Override
        protected DatasetAdapter build(Params p) {
            return new Mnist(p);
        }
    }
}
