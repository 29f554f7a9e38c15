package org.gansweep.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.Set;
import org.gansweep.core.plugin.AdversarialLoss;
import org.gansweep.core.plugin.Plugin;
import org.gansweep.core.plugin.Reduction;

/**
 * The regular GAN loss: sigmoid cross-entropy on D's decision value x, written with softplus so it is
 * exact for large |x| ({@code -log sigmoid(x) = softplus(-x)}, {@code -log(1 - sigmoid(x)) = softplus(x)}).
 * <ul>
 *   <li>D minimises {@code E[softplus(-D(x))] + E[softplus(D(G(z)))]}.
 *   <li>G, non-saturating (the default, what DCGAN trains with), minimises {@code E[softplus(-D(G(z)))]};
 *       minimax, Goodfellow's original, minimises {@code E[log(1 - sigmoid(D(G(z))))] = -E[softplus(D(G(z)))]}.
 * </ul>
 */
public final class CrossEntropyLoss implements AdversarialLoss {
    public enum Generator {
        @com.fasterxml.jackson.annotation.JsonProperty("non-saturating")
        NON_SATURATING,
        @com.fasterxml.jackson.annotation.JsonProperty("minimax")
        MINIMAX;

        @Override
        public String toString() {
            return this == NON_SATURATING ? "non-saturating" : "minimax";
        }
    }

    public record Params(Generator generator, Reduction reduction) {
        public Params {
            generator = generator == null ? Generator.NON_SATURATING : generator;
            reduction = reduction == null ? Reduction.mean : reduction;
        }
    }

    private final Generator generator;
    private final Reduction reduction;

    public CrossEntropyLoss(Generator generator) {
        this(generator, Reduction.mean);
    }

    /** With {@code reduction: sum}, batch sums instead of means. */
    public CrossEntropyLoss(Generator generator, Reduction reduction) {
        this.generator = generator;
        this.reduction = reduction;
    }

    @Override
    public NDArray discriminatorLoss(NDArray realScores, NDArray fakeScores) {
        return reduction.apply(Activation.softPlus(realScores.neg())).add(reduction.apply(Activation.softPlus(fakeScores)));
    }

    @Override
    public NDArray generatorLoss(NDArray fakeScores) {
        return generator == Generator.NON_SATURATING
                ? reduction.apply(Activation.softPlus(fakeScores.neg()))
                : reduction.apply(Activation.softPlus(fakeScores)).neg();
    }

    /** The decision value where the sigmoid is one half. */
    @Override
    public double decisionBoundary() {
        return 0;
    }

    @Override
    public String describe() {
        return "GAN (sigmoid cross-entropy" + (generator == Generator.MINIMAX ? ", minimax G" : "") + ")"
                + (reduction == Reduction.sum ? ", batch sums" : "");
    }

    /** Registered as {@code gan}. */
    public static final class Factory extends Plugin<Params, AdversarialLoss> {
        public Factory() {
            super(Params.class, "sigmoid cross-entropy GAN loss; generator: non-saturating (default) or minimax; reduction: mean or sum over the batch");
        }

        /** {@code reduction} came after the first sweeps: at {@code mean} it stays out of config.yaml and trial ids. */
        @Override
        public Set<String> paramsAddedLater() {
            return Set.of("reduction");
        }

        @Override
        protected AdversarialLoss build(Params p) {
            return new CrossEntropyLoss(p.generator(), p.reduction());
        }
    }
}
