package org.gansweep.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.gansweep.core.numerics.KernelCheck;
import org.gansweep.core.numerics.KernelGradients;
import org.gansweep.core.numerics.KernelInputs;
import org.gansweep.core.plugin.AdversarialLoss;
import org.gansweep.core.plugin.Reduction;

/** Every loss the grids name, on D scores of a 64 and a 512 batch: D's and G's loss and their gradients to the scores. */
public final class LossKernelCheck implements KernelCheck {
    private static final List<AdversarialLoss> LOSSES = List.of(
            new CrossEntropyLoss(CrossEntropyLoss.Generator.NON_SATURATING),
            new CrossEntropyLoss(CrossEntropyLoss.Generator.MINIMAX, Reduction.sum),
            new LeastSquaresLoss(-1, 1, 0),
            new LeastSquaresLoss(0, 1, 1),
            new LeastSquaresLoss(-1, 1, 0, Reduction.sum));

    @Override
    public String family() {
        return "losses";
    }

    @Override
    public String shapes() {
        return LOSSES.size() + " losses on batches of 64 and 512 scores";
    }

    @Override
    public void compute(NDManager m, DataType precision, Outputs out) {
        int i = 0;
        for (AdversarialLoss loss : LOSSES) {
            for (int batch : new int[] {64, 512}) {
                long seed = 3000L + 10L * i;
                NDArray real = KernelInputs.normal(m, precision, seed, 2.0, batch, 1);
                NDArray fake = KernelInputs.normal(m, precision, seed + 1, 2.0, batch, 1);
                String name = loss.describe() + " batch " + batch;
                out.keep(name + " D loss", loss.discriminatorLoss(real, fake));
                out.keep(name + " G loss", loss.generatorLoss(fake));
                NDList dg = KernelGradients.of(() -> loss.discriminatorLoss(real, fake), seed + 2, real, fake);
                out.keep(name + " D loss gradient (real)", dg.get(0));
                out.keep(name + " D loss gradient (fake)", dg.get(1));
                out.keep(name + " G loss gradient", KernelGradients.of(() -> loss.generatorLoss(fake), seed + 3, fake).head());
                i++;
            }
        }
    }
}
