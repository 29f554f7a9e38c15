package org.gansweep.core.train;

import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.OptimizerSpec;
import org.gansweep.core.plugin.Plugin;

/**
 * Adam through DJL's fused native update (one JNI call per parameter, which also zeroes the gradient).
 * DJL adds epsilon to sqrt(v) before the bias correction, PyTorch after; the difference is of order eps.
 */
public final class AdamOptimizer extends Plugin<AdamOptimizer.Params, OptimizerSpec> {

    /** Defaults are the DCGAN / LSGAN paper's: lr 0.0002, beta1 0.5. */
    public record Params(Double lr, Double beta1, Double beta2, Double epsilon, Double weightDecay) {
        public Params {
            lr = lr == null ? 2e-4 : lr;
            beta1 = beta1 == null ? 0.5 : beta1;
            beta2 = beta2 == null ? 0.999 : beta2;
            epsilon = epsilon == null ? 1e-8 : epsilon;
            weightDecay = weightDecay == null ? 0.0 : weightDecay;
        }
    }

    public AdamOptimizer() {
        super(Params.class, "Adam (lr, beta1, beta2, epsilon, weightDecay); the same settings for G and D");
    }

    @Override
    public void check(Params p) {
        FieldError.positive("lr", p.lr());
        FieldError.require(p.beta1() >= 0 && p.beta1() < 1, "beta1", "must be in [0, 1), got " + p.beta1());
        FieldError.require(p.beta2() >= 0 && p.beta2() < 1, "beta2", "must be in [0, 1), got " + p.beta2());
        FieldError.positive("epsilon", p.epsilon());
        FieldError.require(p.weightDecay() >= 0, "weightDecay", "must be >= 0, got " + p.weightDecay());
    }

    @Override
    protected OptimizerSpec build(Params p) {
        return () -> {
            Adam adam = Adam.builder()
                    .optLearningRateTracker(Tracker.fixed(p.lr().floatValue()))
                    .optBeta1(p.beta1().floatValue())
                    .optBeta2(p.beta2().floatValue())
                    .optEpsilon(p.epsilon().floatValue())
                    .optWeightDecays(p.weightDecay().floatValue())
                    .build();
            return adam::update;
        };
    }
}
