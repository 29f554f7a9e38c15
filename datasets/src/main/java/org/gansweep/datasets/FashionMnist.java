package org.gansweep.datasets;

import java.util.List;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.Plugin;

/** Fashion-MNIST, by default from Debian's dataset-fashion-mnist package. */
public final class FashionMnist extends IdxDataset {
    static final String HOW_TO_GET = "install Debian's package (apt-get install dataset-fashion-mnist) or set dataset.path to a folder with the IDX files";

    public record Params(String path, Split split, Integer limit) implements IdxDataset.Params {
        public Params {
            path = path == null ? "/usr/share/datasets/fashion-mnist" : path;
            split = split == null ? Split.TRAIN : split;
        }
    }

    public FashionMnist(Params p) {
        super(p, HOW_TO_GET);
    }

    @Override
    public List<String> classNames() {
        return List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    }

    /** Registered as {@code fashion-mnist}. */
    public static final class Factory extends Plugin<Params, DatasetAdapter> {
        public Factory() {
            super(Params.class, "Fashion-MNIST, 28x28 grey, IDX files (path, split, limit)");
        }

        @Override
        public void check(Params p) {
            checkFiles(p, HOW_TO_GET);
        }

        @Override
        protected DatasetAdapter build(Params p) {
            return new FashionMnist(p);
        }
    }
}
