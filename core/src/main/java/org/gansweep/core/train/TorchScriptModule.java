package org.gansweep.core.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * A TorchScript module shipped as a resource beside this class (written by a script in
 * {@code core/src/main/torchscript/}), loaded once per JVM and called through DJL. The archives hold
 * TorchScript source, which the PyTorch inside DJL compiles at load, so their ops resolve against that PyTorch.
 * They hold no tensors, so one loaded copy serves every network of the JVM on any device.
 */
public final class TorchScriptModule {
    private final Class<?> anchor;
    private final String resource;
    private Model model; // held: DJL closes a model's native module when the Model is collected
    private Block block;

    public TorchScriptModule(String resource) {
        this(TorchScriptModule.class, resource);
    }

    /** A module shipped as a resource beside {@code anchor}. */
    public TorchScriptModule(Class<?> anchor, String resource) {
        this.anchor = anchor;
        this.resource = resource;
    }

    private synchronized Block block() {
        if (block == null) {
            model = Model.newInstance("gansweep-" + resource, "PyTorch");
            try (InputStream in = anchor.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the gansweep-core jar");
                }
                model.load(in);
                // DJL makes an empty temporary folder for a stream-loaded model and deletes it only at a normal
                // JVM exit; workers end by halting, so every worker would leave one behind in /tmp.
                Files.deleteIfExists(model.getModelPath());
            } catch (IOException | MalformedModelException e) {
                throw new UncheckedIOException(new IOException("cannot load " + resource + ": " + e.getMessage(), e));
            }
            block = model.getBlock(); // open for the JVM's life
        }
        return block;
    }

    /**
     * Calls {@code forward} with the arguments in order: each element of {@code arguments} is an NDArray (one
     * tensor argument) or a List of NDArrays (one {@code List[Tensor]} argument, passed through DJL's input naming,
     * {@code name[]}; the arrays' own names are restored after the call). {@code training} false runs under
     * no_grad. The results join the first array's manager.
     */
    public NDList forward(boolean training, Object... arguments) {
        NDList in = new NDList();
        List<String> names = new ArrayList<>();
        try {
            for (int i = 0; i < arguments.length; i++) {
                if (arguments[i] instanceof NDArray a) {
                    names.add(a.getName());
                    a.setName("arg" + i);
                    in.add(a);
                } else {
                    for (Object o : (List<?>) arguments[i]) {
                        NDArray a = (NDArray) o;
                        names.add(a.getName());
                        a.setName("list" + i + "[]");
                        in.add(a);
                    }
                }
            }
            // A store only to satisfy DJL's training-mode forward; the module holds no parameters.
            return block().forward(training ? new ParameterStore(in.head().getManager(), false) : null, in, training);
        } finally {
            for (int i = 0; i < names.size(); i++) {
                in.get(i).setName(names.get(i));
            }
        }
    }
}
