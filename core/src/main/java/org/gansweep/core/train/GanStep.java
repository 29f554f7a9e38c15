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
    private final List<String> gIds;
    private final List<String> dIds;
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
        this.gIds = ids(gParams);
        this.dIds = ids(dParams);
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
     * One simultaneous step, as the LSGAN authors' TensorFlow code takes it in one session run: G makes fakes for
     * {@code noise}, D scores the real batch and the fakes once, and from that one pass D's gradient of D's loss
     * and G's gradient of G's loss are both taken at the current weights ({@link SplitGradients}); then both
     * networks are updated. Neither gradient leaks into the other network.
     *
     * @return {D's loss, G's loss}
     */
    public float[] simultaneousUpdate(NDArray realBatch, NDArray noise, NDArray labels) {
        float dValue;
        float gValue;
        List<NDArray> dWeights = weights(dParams);
        List<NDArray> gWeights = weights(gParams);
        NDList grads;
        // The collector only records the graph here: SplitGradients backpropagates, not the collector.
        try (GradientCollector gc = engine.newGradientCollector()) {
            NDArray fake = g.forward(ps, inputs(noise, labels), true).singletonOrThrow();
            // Two D passes, not one over both batches: G's backward pass then crosses D for the fakes only.
            NDArray[] scores = scores(realBatch, fake, labels, false);
            NDArray dl = loss.discriminatorLoss(scores[0], scores[1]);
            NDArray gl = loss.generatorLoss(scores[1]);
            grads = SplitGradients.of(dWeights, gWeights, dl, gl);
            dValue = dl.getFloat();
            gValue = gl.getFloat();
        }
        int nd = dWeights.size();
        dOpt.updateAll(dIds, dWeights, grads.subList(0, nd));
        gOpt.updateAll(gIds, gWeights, grads.subList(nd, grads.size()));
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

    /**
     * D's decision values of {@code points} (N, sample shape...) as one flat array in {@code m}, in evaluation mode:
     * no gradient is recorded and no batch-norm statistic moves (the decision-boundary figure reads D this way).
     */
    public NDArray discriminate(NDManager m, NDArray points) {
        NDArray x = points.duplicate();
        x.attach(m);
        return d.forward(ps, inputs(x, null), false).singletonOrThrow().reshape(-1);
    }

    /** D's loss on a real batch and (detached) fakes. */
    private NDArray discriminatorLoss(NDArray realBatch, NDArray fake, NDArray labels) {
        NDArray[] scores = scores(realBatch, fake, labels, jointD);
        return loss.discriminatorLoss(scores[0], scores[1]);
    }

    /** D's scores of the real batch and of the fakes, in one D pass over both when {@code joint}. */
    private NDArray[] scores(NDArray realBatch, NDArray fake, NDArray labels, boolean joint) {
        if (joint) {
            long batch = realBatch.getShape().get(0);
            NDArray both = labels == null ? null : labels.concat(labels);
            NDArray scores = d.forward(ps, inputs(realBatch.concat(fake), both), true).singletonOrThrow();
            return new NDArray[] {scores.get("0:" + batch), scores.get(batch + ":")};
        }
        return new NDArray[] {d.forward(ps, inputs(realBatch, labels), true).singletonOrThrow(),
            d.forward(ps, inputs(fake, labels), true).singletonOrThrow()};
    }

    private static List<NDArray> weights(List<Parameter> params) {
        List<NDArray> out = new ArrayList<>(params.size());
        for (Parameter p : params) {
            out.add(p.getArray());
        }
        return out;
    }

    private static List<String> ids(List<Parameter> params) {
        List<String> out = new ArrayList<>(params.size());
        for (Parameter p : params) {
            out.add(p.getId());
        }
        return out;
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
