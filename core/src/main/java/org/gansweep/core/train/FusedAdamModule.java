package org.gansweep.core.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The TorchScript module behind {@link AdamOptimizer}: {@code forward(params[], grads[], exp_avgs[],
 * exp_avg_sqs[], steps, hyper)} calls {@code torch._fused_adam_} and zeroes the gradients. It holds no
 * tensors, so one loaded copy serves every network of the JVM on any device. Lists reach TorchScript
 * through DJL's input naming ({@code name[]} groups arrays into one {@code List[Tensor]}); the arrays'
 * own names are restored after the call.
 */
final class FusedAdamModule {
    private static final String RESOURCE = "fused_adam.pt";
    private static Model model; // held: DJL closes a model's native module when the Model is collected
    private static Block block;

    private FusedAdamModule() {}

    private static synchronized Block block() {
        if (block == null) {
            model = Model.newInstance("gansweep-fused-adam", "PyTorch");
            try (InputStream in = FusedAdamModule.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the gansweep-core jar");
                }
                model.load(in);
            } catch (IOException | ai.djl.MalformedModelException e) {
                throw new UncheckedIOException(new IOException("cannot load " + RESOURCE + ": " + e.getMessage(), e));
            }
            block = model.getBlock(); // open for the JVM's life
        }
        return block;
    }

    static void step(List<NDArray> weights, List<NDArray> grads, NDArray[] expAvgs, NDArray[] expAvgSqs,
            NDArray steps, NDArray hyper) {
        int k = weights.size();
        NDList in = new NDList(4 * k + 2);
        List<String> names = new ArrayList<>(4 * k);
        add(in, names, weights, "params[]");
        add(in, names, grads, "grads[]");
        add(in, names, List.of(expAvgs), "exp_avgs[]");
        add(in, names, List.of(expAvgSqs), "exp_avg_sqs[]");
        in.add(steps);
        in.add(hyper);
        try {
            block().forward(null, in, false).close(); // not training: runs under no_grad, so leaves may change in place
        } finally {
            for (int i = 0; i < names.size(); i++) {
                in.get(i).setName(names.get(i));
            }
        }
    }

    private static void add(NDList in, List<String> names, List<NDArray> arrays, String listName) {
        for (NDArray a : arrays) {
            names.add(a.getName());
            a.setName(listName);
            in.add(a);
        }
    }
}
