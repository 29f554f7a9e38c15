package org.gansweep.models.eval;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import com.google.common.hash.Hashing;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.gansweep.core.config.Yaml;
import org.gansweep.core.plugin.LabeledData;
import org.gansweep.core.plugin.ParameterUpdater;
import org.gansweep.core.store.AtomicFiles;
import org.gansweep.core.store.CacheFolder;
import org.gansweep.core.train.AdamOptimizer;
import org.gansweep.core.train.MklIntelPaths;

/**
 * The judge of generated images where no pretrained Inception net can be had: a small CNN (two 3x3
 * convolutions with max pooling, a 128-unit layer whose activations are the features, a softmax over the
 * classes) trained by gansweep on the dataset's training split with a fixed seed, and cached on disk by the
 * data it was trained on. It also scores held-out real images, the reference the generated scores are read against.
 */
public final class EvaluationClassifier extends Judge {
    // 3: trained with the fused Adam (PyTorch's arithmetic), so weights cached by version 2 differ.
    // 4: MKL on its AVX2 paths on AMD too (MklIntelPaths); the key also says whether that override was on.
    static final int VERSION = 4;
    private static final Map<String, EvaluationClassifier> LOADED = new ConcurrentHashMap<>();

    private final SequentialBlock net;
    private final NDManager manager;
    private final ParameterStore ps;
    private Info info;

    /** What is cached beside the weights, and reported. */
    public record Info(String train, String test, int epochs, double testAccuracy, double realClassifierScore,
            double realFrechetDistance, String version) {}

    private EvaluationClassifier(SequentialBlock net, NDManager manager) {
        this.net = net;
        this.manager = manager;
        this.ps = new ParameterStore(manager, false);
    }

    public Info info() {
        return info;
    }

    /** The classifier for this data: from memory, from the disk cache, or trained now (then cached). */
    public static EvaluationClassifier forData(LabeledData train, LabeledData test, int epochs) throws IOException {
        String key = key(train, test, epochs);
        EvaluationClassifier c = LOADED.get(key);
        if (c != null) {
            return c;
        }
        synchronized (LOADED) {
            c = LOADED.get(key);
            if (c == null) {
                c = loadOrTrain(key, train, test, epochs);
                LOADED.put(key, c);
            }
        }
        return c;
    }


    private static String key(LabeledData train, LabeledData test, int epochs) {
        String mkl = MklIntelPaths.state().startsWith("on") ? "mkl-intel-paths" : "mkl-own-choice";
        String id = VERSION + "|" + mkl + "|" + train.identity() + "|" + train.size() + "|" + test.identity() + "|" + test.size() + "|" + epochs;
        return Hashing.sha256().hashString(id, StandardCharsets.UTF_8).toString().substring(0, 16);
    }

    private static EvaluationClassifier loadOrTrain(String key, LabeledData train, LabeledData test, int epochs) throws IOException {
        Path dir = CacheFolder.root().resolve("classifiers").resolve(key);
        Files.createDirectories(dir);
        // Worker processes of one sweep may all need it: one trains, the others wait and load.
        try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var lock = ch.lock()) {
            NDManager manager = NDManager.newBaseManager();
            SequentialBlock net = build(train.classes());
            Shape in = new Shape(1).addAll(train.sampleShape());
            Path weights = dir.resolve("classifier.params");
            Path infoFile = dir.resolve("info.json");
            if (Files.exists(weights) && Files.exists(infoFile)) {
                net.initialize(manager, DataType.FLOAT32, in);
                try (DataInputStream is = new DataInputStream(Files.newInputStream(weights))) {
                    net.loadParameters(manager, is);
                } catch (MalformedModelException e) {
                    throw new IOException("corrupt cached classifier " + weights + ": " + e.getMessage() + "; delete the folder to retrain");
                }
                EvaluationClassifier c = new EvaluationClassifier(net, manager);
                c.info = Yaml.json().readValue(infoFile.toFile(), Info.class);
                c.reference(test);
                return c;
            }
            Engine.getInstance().setRandomSeed(1234);
            net.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            net.initialize(manager, DataType.FLOAT32, in);
            train(net, manager, train, epochs);
            EvaluationClassifier c = new EvaluationClassifier(net, manager);
            c.reference(test);
            c.info = new Info(train.identity(), test.identity(), epochs, c.accuracy(test), c.realClassifierScore(),
                    c.realFrechetDistance(), "v" + VERSION);
            try (DataOutputStream os = new DataOutputStream(Files.newOutputStream(dir.resolve(".classifier.params.tmp")))) {
                net.saveParameters(os);
            }
            Files.move(dir.resolve(".classifier.params.tmp"), weights, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.write(infoFile, Yaml.json().writeValueAsBytes(c.info));
            return c;
        }
    }

    static SequentialBlock build(int classes) {
        SequentialBlock net = new SequentialBlock();
        net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(32).optPadding(new Shape(1, 1)).build());
        net.add(Activation.reluBlock());
        net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(64).optPadding(new Shape(1, 1)).build());
        net.add(Activation.reluBlock());
        net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        net.add(Blocks.batchFlattenBlock());
        net.add(Linear.builder().setUnits(128).build());
        net.add(Activation.reluBlock());
        net.add(Linear.builder().setUnits(classes).build());
        return net;
    }

    private static void train(SequentialBlock net, NDManager manager, LabeledData data, int epochs) {
        ParameterStore ps = new ParameterStore(manager, false);
        ParameterUpdater adam = new AdamOptimizer(new AdamOptimizer.Params(1e-3, 0.9, 0.999, null, null)).create();
        List<Parameter> params = new ArrayList<>();
        net.getParameters().forEach(p -> {
            if (p.getValue().requiresGradient()) {
                params.add(p.getValue());
            }
        });
        int n = data.size();
        int batch = 128;
        int size = (int) data.sampleShape().size();
        int[] order = new int[n];
        SplittableRandom random = new SplittableRandom(1234);
        float[] px = new float[batch * size];
        float[] one = new float[size];
        int[] labels = new int[batch];
        int[] l1 = new int[1];
        for (int e = 0; e < epochs; e++) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start + batch <= n; start += batch) {
                for (int b = 0; b < batch; b++) {
                    data.copy(order[start + b], order[start + b] + 1, one, l1);
                    System.arraycopy(one, 0, px, b * size, size);
                    labels[b] = l1[0];
                }
                try (NDManager m = manager.newSubManager()) {
                    NDArray x = m.create(px, new Shape(batch).addAll(data.sampleShape()));
                    NDArray y = m.create(labels).oneHot(data.classes());
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray logits = net.forward(ps, new NDList(x), true).singletonOrThrow();
                        NDArray loss = logits.logSoftmax(1).mul(y).sum(new int[] {1}).neg().mean();
                        gc.backward(loss);
                    }
                    adam.updateParameters(params);
                }
            }
        }
    }

    /** Runs the net up to (features) or through (logits) its last layer, in chunks, evaluation mode. */
    private double[][] run(NDArray images, boolean featuresOnly) {
        List<Block> layers = new ArrayList<>(net.getChildren().values());
        int upTo = featuresOnly ? layers.size() - 1 : layers.size();
        return Batches.rows(images, manager, 500, !featuresOnly, x -> {
            NDList cur = new NDList(x);
            for (int i = 0; i < upTo; i++) {
                cur = layers.get(i).forward(ps, cur, false);
            }
            return cur.singletonOrThrow();
        });
    }

    @Override
    double[][] features(NDArray images) {
        return run(images, true);
    }

    @Override
    double[][] probabilities(NDArray images) {
        return run(images, false);
    }

    double accuracy(LabeledData test) {
        int[] labels = new int[test.size()];
        double[][] p;
        try (NDManager m = manager.newSubManager()) {
            p = probabilities(images(m, test, labels));
        }
        return p.length == 0 ? Double.NaN : ConditionalAccuracy.accuracy(p, labels);
    }

    @Override
    NDManager manager() {
        return manager;
    }

    @Override
    double testAccuracy() {
        return info.testAccuracy();
    }
}
