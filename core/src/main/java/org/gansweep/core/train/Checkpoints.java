package org.gansweep.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gansweep.core.config.Yaml;
import org.gansweep.core.plugin.ParameterUpdater;
import org.gansweep.core.store.AtomicFiles;

/**
 * A trial's last checkpoint, {@code TRIAL_DIR/checkpoint/}: every parameter of G and D (batch-norm
 * statistics included), both optimisers' state, and the loop's own state. A new checkpoint is written
 * beside the old one and swapped in by renames, so a kill at any moment leaves one complete checkpoint.
 */
public final class Checkpoints {
    /** No checkpoints: the trial restarts from scratch if interrupted. */
    public static final Checkpoints NONE = new Checkpoints(null);

    private static final String STATE = "state.json";
    private final Path dir;

    public Checkpoints(Path dir) {
        this.dir = dir;
    }

    /** A checkpoint that cannot be read back (cut short, garbage, or made by other nets): the trial starts again. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What the loop needs besides the networks and optimisers. */
    public record LoopState(int step, double[] dWindow, double[] gWindow, Map<String, Double> lastMetrics) {}

    private Path fresh() {
        return dir.resolveSibling(dir.getFileName() + ".new");
    }

    /** The folder holding the latest complete checkpoint, if any. */
    private Path latest() {
        if (dir == null) {
            return null;
        }
        if (Files.exists(dir.resolve(STATE))) {
            return dir;
        }
        return Files.exists(fresh().resolve(STATE)) ? fresh() : null; // killed between the two renames
    }

    public boolean exists() {
        return latest() != null;
    }

    /** The loop state of the latest checkpoint; {@link Unreadable} when state.json cannot be read or makes no sense. */
    public LoopState loopState() {
        Path state = latest().resolve(STATE);
        LoopState s;
        try {
            s = Yaml.json().readValue(state.toFile(), LoopState.class);
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(state.getParent().getFileName() + "/" + STATE + " cannot be read: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
        if (s == null || s.step() < 0 || s.dWindow() == null || s.gWindow() == null) {
            throw new Unreadable(state.getParent().getFileName() + "/" + STATE + " holds no usable loop state", null);
        }
        return s;
    }

    public void save(LoopState state, GanStep gan, NDManager manager) throws IOException {
        if (dir == null) {
            return;
        }
        Path tmp = fresh();
        delete(tmp);
        Files.createDirectories(tmp);
        try (NDManager m = manager.newSubManager()) {
            write(tmp.resolve("generator.params"), values(gan.generatorAllParameters()));
            write(tmp.resolve("discriminator.params"), values(gan.discriminatorAllParameters()));
            write(tmp.resolve("generator.optimizer"), optimizerState(gan.generatorUpdater(), gan.generatorParameters(), m));
            write(tmp.resolve("discriminator.optimizer"), optimizerState(gan.discriminatorUpdater(), gan.discriminatorParameters(), m));
        }
        // state.json last: its presence marks the folder complete.
        AtomicFiles.write(tmp.resolve(STATE), Yaml.json().writeValueAsBytes(state));
        delete(dir);
        Files.move(tmp, dir);
    }

    /** Loads networks and optimisers from the latest checkpoint into {@code gan} and returns the loop state. */
    public LoopState restore(GanStep gan, NDManager manager) {
        Path from = latest();
        LoopState state = loopState();
        String file = "";
        try (NDManager m = manager.newSubManager()) {
            file = "generator.params";
            copyInto(read(from.resolve(file), m), gan.generatorAllParameters());
            file = "discriminator.params";
            copyInto(read(from.resolve(file), m), gan.discriminatorAllParameters());
            file = "generator.optimizer";
            gan.generatorUpdater().loadState(ids(gan.generatorParameters()), arrays(gan.generatorParameters()), read(from.resolve(file), m));
            file = "discriminator.optimizer";
            gan.discriminatorUpdater().loadState(ids(gan.discriminatorParameters()), arrays(gan.discriminatorParameters()), read(from.resolve(file), m));
        } catch (IOException | RuntimeException e) {
            // Cut short, garbage, or arrays of other shapes (nets changed since it was written): never retried as is.
            throw new Unreadable(from.getFileName() + "/" + file + " cannot be read back: " + e, e);
        }
        return state;
    }

    private static NDList optimizerState(ParameterUpdater u, List<Parameter> params, NDManager m) {
        return u.saveState(ids(params), arrays(params), m);
    }

    private static List<String> ids(List<Parameter> params) {
        return params.stream().map(Parameter::getId).toList();
    }

    private static List<NDArray> arrays(List<Parameter> params) {
        return params.stream().map(Parameter::getArray).toList();
    }

    private static NDList values(List<Parameter> params) {
        NDList l = new NDList();
        params.forEach(p -> l.add(p.getArray()));
        return l;
    }

    private static void copyInto(NDList loaded, List<Parameter> params) {
        if (loaded.size() != params.size()) {
            throw new IllegalStateException("the checkpoint holds " + loaded.size() + " arrays for " + params.size() + " parameters");
        }
        for (int i = 0; i < params.size(); i++) {
            if (!loaded.get(i).getShape().equals(params.get(i).getArray().getShape())) {
                throw new IllegalStateException("array " + i + " has shape " + loaded.get(i).getShape() + ", the parameter "
                        + params.get(i).getArray().getShape());
            }
            loaded.get(i).copyTo(params.get(i).getArray());
        }
    }

    private static void write(Path file, NDList arrays) throws IOException {
        Files.write(file, arrays.encode());
    }

    private static NDList read(Path file, NDManager m) throws IOException {
        return NDList.decode(m, Files.readAllBytes(file));
    }

    static void delete(Path p) throws IOException {
        if (p == null || !Files.exists(p)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(p)) {
            all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
        }
        for (Path f : all) {
            Files.delete(f);
        }
    }
}
