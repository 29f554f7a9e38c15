package org.gansweep.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.gansweep.core.plugin.AdversarialLoss;
import org.gansweep.core.plugin.OptimizerSpec;
import org.gansweep.core.plugin.ParameterUpdater;

/**
 * One discriminator update and one generator update on initialised G and D. Each leaves the other
 * network's weights and gradients untouched: the D update scores {@code stopGradient}ed fakes, and the
 * G update runs with D's parameters frozen (DJL clears a gradient only in that parameter's own
 * optimiser update, so a gradient left on D here would leak into D's next update).
 *
 * <p>For a class-conditional pair, every call also takes the one-hot labels (N, classes): G gets
 * (noise, labels), D gets (samples, labels), and the fakes of a step are asked for the labels of that
 * step's real batch (as in the paper's code), so D judges real and fake of the same classes.
 */
public final class GanStep {
    private final Block g;
    private final Block d;
    private final ParameterStore ps;
    private final AdversarialLoss loss;
    private final boolean jointD;
    private final List<Parameter> gParams;
    private final List<Parameter> dParams;
    private final ParameterUpdater gOpt;
    private final ParameterUpdater dOpt;
    private final Engine engine = Engine.getInstance();

    /**
     * @param jointD score real and fake samples in one D pass (same numbers when D has no batch norm)
     */
    public GanStep(Block g, Block d, ParameterStore ps, AdversarialLoss loss, OptimizerSpec optimizer, boolean jointD) {
        this(g, d, ps, loss, optimizer, optimizer, jointD);
    }

    /** With G's and D's own optimisers (each network gets its own updater and state either way). */
    public GanStep(Block g, Block d, ParameterStore ps, AdversarialLoss loss, OptimizerSpec gOptimizer, OptimizerSpec dOptimizer,
            boolean jointD) {
        this.g = g;
        this.d = d;
        this.ps = ps;
        this.loss = loss;
        this.jointD = jointD;
        this.gParams = trainable(g);
        this.dParams = trainable(d);
        this.gOpt = gOptimizer.create();
        this.dOpt = dOptimizer.create();
    }

    /** Updates D on a real batch and fakes from {@code noise}; returns D's loss. New arrays join the inputs' manager. */
    public float discriminatorUpdate(NDArray realBatch, NDArray noise) {
        return discriminatorUpdate(realBatch, noise, null);
    }

    /** As {@link #discriminatorUpdate(NDArray, NDArray)}, real and fakes of the given classes (one-hot; null: unconditional). */
    public float discriminatorUpdate(NDArray realBatch, NDArray noise, NDArray labels) {
        NDArray fake = g.forward(ps, inputs(noise, labels), true).singletonOrThrow().stopGradient();
        float value;
        try (GradientCollector gc = engine.newGradientCollector()) {
            NDArray l = discriminatorLoss(realBatch, fake, labels);
            gc.backward(l);
            value = l.getFloat();
        }
        dOpt.updateParameters(dParams);
        return value;
    }

    /**
     * One simultaneous step, as the LSGAN authors' TensorFlow code takes it in one session run: D's gradient
     * (real batch against G's fakes for {@code noise}) and G's gradient (the same fakes through D) are both
     * taken at the current weights, then both networks are updated. D's weights are frozen for G's backward
     * pass, and the fakes are detached for D's, so neither gradient leaks into the other network.
     *
     * @return {D's loss, G's loss}
     */
    public float[] simultaneousUpdate(NDArray realBatch, NDArray noise, NDArray labels) {
        float dValue;
        float gValue;
        try (GradientCollector gc = engine.newGradientCollector()) {
            NDArray fake = g.forward(ps, inputs(noise, labels), true).singletonOrThrow();
            NDArray dl = discriminatorLoss(realBatch, fake.stopGradient(), labels);
            gc.backward(dl);
            dValue = dl.getFloat();
            freeze(dParams, true);
            try {
                NDArray gl = loss.generatorLoss(d.forward(ps, inputs(fake, labels), true).singletonOrThrow());
                gc.backward(gl);
                gValue = gl.getFloat();
            } finally {
                freeze(dParams, false);
            }
        }
        dOpt.updateParameters(dParams);
        gOpt.updateParameters(gParams);
        return new float[] {dValue, gValue};
    }

    /** Updates G through a frozen D on fakes from {@code noise}; returns G's loss. */
    public float generatorUpdate(NDArray noise) {
        return generatorUpdate(noise, null);
    }

    /** As {@link #generatorUpdate(NDArray)}, fakes of the given classes (one-hot; null: unconditional). */
    public float generatorUpdate(NDArray noise, NDArray labels) {
        float value;
        freeze(dParams, true);
        try (GradientCollector gc = engine.newGradientCollector()) {
            NDArray fake = g.forward(ps, inputs(noise, labels), true).singletonOrThrow();
            NDArray l = loss.generatorLoss(d.forward(ps, inputs(fake, labels), true).singletonOrThrow());
            gc.backward(l);
            value = l.getFloat();
        } finally {
            freeze(dParams, false);
        }
        gOpt.updateParameters(gParams);
        return value;
    }

    /**
     * G's samples for {@code noise} (and one-hot {@code labels}, null when unconditional) in evaluation mode
     * (batch norm on running statistics), in {@code m}.
     */
    public NDArray generate(NDManager m, NDArray noise, NDArray labels) {
        NDArray z = noise.duplicate();
        z.attach(m);
        NDArray y = null;
        if (labels != null) {
            y = labels.duplicate();
            y.attach(m);
        }
        return g.forward(ps, inputs(z, y), false).singletonOrThrow();
    }

    /** D's loss on a real batch and (detached) fakes: one D pass over both when D has no batch norm. */
    private NDArray discriminatorLoss(NDArray realBatch, NDArray fake, NDArray labels) {
        if (jointD) {
            long batch = realBatch.getShape().get(0);
            NDArray both = labels == null ? null : labels.concat(labels);
            NDArray scores = d.forward(ps, inputs(realBatch.concat(fake), both), true).singletonOrThrow();
            return loss.discriminatorLoss(scores.get("0:" + batch), scores.get(batch + ":"));
        }
        return loss.discriminatorLoss(d.forward(ps, inputs(realBatch, labels), true).singletonOrThrow(),
                d.forward(ps, inputs(fake, labels), true).singletonOrThrow());
    }

    private static NDList inputs(NDArray x, NDArray labels) {
        return labels == null ? new NDList(x) : new NDList(x, labels);
    }

    /** Every parameter of G (batch-norm running statistics too), in block order: what a checkpoint saves. */
    public List<Parameter> generatorAllParameters() {
        return all(g);
    }

    public List<Parameter> discriminatorAllParameters() {
        return all(d);
    }

    public ParameterUpdater generatorUpdater() {
        return gOpt;
    }

    public ParameterUpdater discriminatorUpdater() {
        return dOpt;
    }

    private static List<Parameter> all(Block block) {
        List<Parameter> out = new ArrayList<>();
        block.getParameters().forEach(p -> out.add(p.getValue()));
        return out;
    }

    /** The trainable parameters of G, in block order. */
    public List<Parameter> generatorParameters() {
        return gParams;
    }

    public List<Parameter> discriminatorParameters() {
        return dParams;
    }

    private static List<Parameter> trainable(Block block) {
        List<Parameter> out = new ArrayList<>();
        for (var p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                out.add(p.getValue());
            }
        }
        return out;
    }

    private static void freeze(List<Parameter> params, boolean frozen) {
        for (Parameter p : params) {
            p.freeze(frozen);
        }
    }

}
