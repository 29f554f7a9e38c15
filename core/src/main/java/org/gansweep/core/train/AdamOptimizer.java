package org.gansweep.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.OptimizerSpec;
import org.gansweep.core.plugin.ParameterUpdater;
import org.gansweep.core.plugin.Plugin;

/**
 * Adam through DJL's fused native update (one JNI call per parameter, which also zeroes the gradient),
 * with the moment estimates held here so that checkpoints can save and restore them. DJL adds epsilon to
 * sqrt(v) before the bias correction, PyTorch after; the difference is of order epsilon.
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
        return () -> new Updater(p);
    }

    private static final class Updater implements ParameterUpdater {
        private final float lr;
        private final float beta1;
        private final float beta2;
        private final float eps;
        private final float weightDecay;
        private final Map<String, NDArray[]> moments = new HashMap<>();
        private final Map<String, Integer> steps = new HashMap<>();

        Updater(Params p) {
            lr = p.lr().floatValue();
            beta1 = p.beta1().floatValue();
            beta2 = p.beta2().floatValue();
            eps = p.epsilon().floatValue();
            weightDecay = p.weightDecay().floatValue();
        }

        @Override
        public void update(String id, NDArray weight, NDArray gradient) {
            int t = steps.merge(id, 1, Integer::sum);
            NDArray[] mv = moments.computeIfAbsent(id, k -> new NDArray[] {weight.zerosLike(), weight.zerosLike()});
            float biasCorrected = (float) (lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
            weight.getNDArrayInternal().adamUpdate(new NDList(weight, gradient, mv[0], mv[1]), new NDList(weight),
                    lr, biasCorrected, weightDecay, 1f, -1f, beta1, beta2, eps, true, false);
        }

        @Override
        public NDList saveState(List<String> ids, List<NDArray> weights, NDManager manager) {
            NDList out = new NDList();
            for (int i = 0; i < ids.size(); i++) {
                NDArray[] mv = moments.get(ids.get(i));
                out.add(mv == null ? weights.get(i).zerosLike() : mv[0].duplicate());
                out.add(mv == null ? weights.get(i).zerosLike() : mv[1].duplicate());
                out.add(manager.create(new int[] {steps.getOrDefault(ids.get(i), 0)}));
            }
            out.attach(manager);
            return out;
        }

        @Override
        public void loadState(List<String> ids, List<NDArray> weights, NDList state) {
            for (int i = 0; i < ids.size(); i++) {
                NDArray w = weights.get(i);
                NDArray[] mv = moments.computeIfAbsent(ids.get(i), k -> new NDArray[] {w.zerosLike(), w.zerosLike()});
                state.get(3 * i).copyTo(mv[0]);
                state.get(3 * i + 1).copyTo(mv[1]);
                steps.put(ids.get(i), state.get(3 * i + 2).toIntArray()[0]);
            }
        }
    }
}
