package org.gansweep.datasets;

/** MNIST from its four IDX files in a folder of your choice. */
public final class Mnist extends IdxDataset<Mnist.Params> {
    public record Params(String path, Split split, Integer limit) implements IdxDataset.Params {
        public Params {
            path = path == null ? "data/mnist" : path;
            split = split == null ? Split.TRAIN : split;
        }
    }

    public Mnist() {
        super(Params.class, "download MNIST's four IDX files (train/t10k images and labels) into a folder and set dataset.path to it",
                "MNIST, 28x28 grey, IDX files (path, split, limit)");
    }

    @Override
    protected java.util.List<String> classNames() {
        return java.util.List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }
}
