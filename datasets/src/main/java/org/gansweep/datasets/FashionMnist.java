package org.gansweep.datasets;

/** Fashion-MNIST, by default from Debian's dataset-fashion-mnist package. */
public final class FashionMnist extends IdxDataset<FashionMnist.Params> {
    public record Params(String path, Split split, Integer limit) implements IdxDataset.Params {
        public Params {
            path = path == null ? "/usr/share/datasets/fashion-mnist" : path;
            split = split == null ? Split.TRAIN : split;
        }
    }

    public FashionMnist() {
        super(Params.class, "install Debian's package (apt-get install dataset-fashion-mnist) or set dataset.path to a folder with the IDX files",
                "Fashion-MNIST, 28x28 grey, IDX files (path, split, limit)");
    }

    @Override
    protected java.util.List<String> classNames() {
        return java.util.List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    }
}
