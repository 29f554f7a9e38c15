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
 * RMSProp, {@code v = rho v + (1 - rho) g^2; w -= lr g / (sqrt(v) + eps)}, written with NDArray ops
 * because DJL's PyTorch engine has no native RMSProp update.
 */
public final class RmsPropOptimizer implements OptimizerSpec {

    public record Params(Double lr, Double rho, Double epsilon) {
        public Params {
            lr = lr == null ? 2e-4 : lr;
            rho = rho == null ? 0.9 : rho;
            epsilon = epsilon == null ? 1e-8 : epsilon;
        }
    }

    private final Params params;

    public RmsPropOptimizer(Params params) {
        this.params = params;
    }

    @Override
    public ParameterUpdater create() {
        return new Updater(params.lr().floatValue(), params.rho().floatValue(), params.epsilon().floatValue());
    }

    /** Registered as {@code rmsprop}. */
    public static final class Factory extends Plugin<Params, OptimizerSpec> {
        public Factory() {
            super(Params.class, "RMSProp (lr, rho, epsilon), as in the paper's batch-norm ablation");
        }

        @Override
        public void check(Params p) {
            FieldError.positive("lr", p.lr());
            FieldError.require(p.rho() >= 0 && p.rho() < 1, "rho", "must be in [0, 1), got " + p.rho());
            FieldError.positive("epsilon", p.epsilon());
        }

        @Override
        protected OptimizerSpec build(Params p) {
            return new RmsPropOptimizer(p);
        }
    }

    private static final class Updater implements ParameterUpdater {
        private final float lr;
        private final float rho;
        private final float eps;
        private final Map<String, NDArray> meanSquares = new HashMap<>();

        Updater(float lr, float rho, float eps) {
            this.lr = lr;
            this.rho = rho;
            this.eps = eps;
        }

        @Override
        public void update(String id, NDArray weight, NDArray gradient) {
            NDArray v = meanSquares.computeIfAbsent(id, k -> weight.zerosLike());
            try (NDArray sq = gradient.square(); NDArray denom = v.muli(rho).addi(sq.muli(1 - rho)).sqrt().addi(eps);
                    NDArray step = gradient.div(denom).muli(lr)) {
                weight.subi(step);
            }
            gradient.subi(gradient);
        }

        @Override
        public NDList saveState(List<String> ids, List<NDArray> weights, NDManager manager) {
            NDList out = new NDList();
            for (int i = 0; i < ids.size(); i++) {
                NDArray v = meanSquares.get(ids.get(i));
                out.add(v == null ? weights.get(i).zerosLike() : v.duplicate());
            }
            out.attach(manager);
            return out;
        }

        @Override
        public void loadState(List<String> ids, List<NDArray> weights, NDList state) {
            for (int i = 0; i < ids.size(); i++) {
                NDArray w = weights.get(i);
                state.get(i).copyTo(meanSquares.computeIfAbsent(ids.get(i), k -> w.zerosLike()));
            }
        }
    }
}
