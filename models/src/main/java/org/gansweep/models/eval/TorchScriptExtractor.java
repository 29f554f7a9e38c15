package org.gansweep.models.eval;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gansweep.core.plugin.LabeledData;

/**
 * A user-supplied TorchScript module as the judge, for example a real Inception network on a GPU machine:
 * it takes a batch of images (N, C, H, W) in [-1, 1], exactly as the generator makes them, and returns one
 * row per image: features for the Frechet distance, or logits (softmaxed here) for the classifier score.
 * Any resizing or normalisation the network needs belongs inside the module.
 */
final class TorchScriptExtractor extends Judge {
    private static final Map<String, TorchScriptExtractor> LOADED = new ConcurrentHashMap<>();
    private final Model model;
    private final ParameterStore ps;

    private TorchScriptExtractor(Model model) {
        this.model = model;
        this.ps = new ParameterStore(model.getNDManager(), false);
    }

    static synchronized TorchScriptExtractor load(Path file, LabeledData real) throws IOException {
        String key = file.toAbsolutePath() + "|" + real.identity();
        TorchScriptExtractor e = LOADED.get(key);
        if (e == null) {
            e = new TorchScriptExtractor(open(file));
            e.reference(real);
            LOADED.put(key, e);
        }
        return e;
    }

    static Model open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no TorchScript file at " + file);
        }
        Model m = Model.newInstance(file.getFileName().toString(), "PyTorch");
        try {
            m.load(file.toAbsolutePath().getParent(), file.getFileName().toString());
        } catch (MalformedModelException | RuntimeException e) {
            m.close();
            throw new IOException(file + " is not a TorchScript module this PyTorch can load: " + e.getMessage());
        }
        return m;
    }

    private double[][] run(NDArray images, boolean softmax) {
        return Batches.rows(images, model.getNDManager(), 250, softmax, x -> model.getBlock().forward(ps, new NDList(x), false).head());
    }

    @Override
    double[][] features(NDArray images) {
        return run(images, false);
    }

    @Override
    double[][] probabilities(NDArray images) {
        return run(images, true);
    }

    @Override
    NDManager manager() {
        return model.getNDManager();
    }

    @Override
    double testAccuracy() {
        return Double.NaN;
    }
}
