package org.gansweep.reports.figures;

import java.util.List;
import java.util.Optional;
import org.gansweep.reports.Drawing;
import org.gansweep.reports.ExperimentResults;
import org.gansweep.reports.Figure;
import org.gansweep.reports.Panels;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;

/**
 * The paper's Figure 2, computed exactly: the generator's loss for a fake sample as a function of D's
 * decision value x, and the size of its gradient. Sigmoid cross-entropy (non-saturating) saturates for
 * fakes D already scores as real (large x), so their gradient vanishes; least squares keeps pulling them
 * towards the target c.
 */
public final class LossFunctionsFigure implements Figure {
    static final double LO = -6;
    static final double HI = 6;
    static final int POINTS = 241;

    @Override
    public String summary() {
        return "the paper's Figure 2: G's loss and gradient size against D's decision value, sigmoid cross-entropy vs least squares (exact)";
    }

    @Override
    public Optional<Drawing> draw(ExperimentResults results) {
        XYSeries ce = new XYSeries("GAN: -log sigmoid(x)");
        XYSeries ceGrad = new XYSeries("GAN: |d/dx| = sigmoid(-x)");
        XYSeries lsBinary = new XYSeries("LSGAN c=1: (x-1)^2 / 2");
        XYSeries lsPearson = new XYSeries("LSGAN c=0: x^2 / 2");
        XYSeries lsBinaryGrad = new XYSeries("LSGAN c=1: |x-1|");
        XYSeries lsPearsonGrad = new XYSeries("LSGAN c=0: |x|");
        for (int i = 0; i < POINTS; i++) {
            double x = LO + (HI - LO) * i / (POINTS - 1);
            ce.add(x, softplus(-x));
            ceGrad.add(x, sigmoid(-x));
            lsBinary.add(x, 0.5 * (x - 1) * (x - 1));
            lsPearson.add(x, 0.5 * x * x);
            lsBinaryGrad.add(x, Math.abs(x - 1));
            lsPearsonGrad.add(x, Math.abs(x));
        }
        List<JFreeChart> charts = List.of(
                Panels.lines("(a) sigmoid cross-entropy: G's loss", "decision value x", "loss", List.of(ce), List.of(0), List.of(false), false),
                Panels.lines("(b) least squares: G's loss", "decision value x", "loss", List.of(lsBinary, lsPearson), List.of(1, 2), List.of(false, true), false),
                Panels.lines("(c) cross-entropy gradient size", "decision value x", "|dL/dx|", List.of(ceGrad), List.of(0), List.of(false), false),
                Panels.lines("(d) least-squares gradient size", "decision value x", "|dL/dx|", List.of(lsBinaryGrad, lsPearsonGrad), List.of(1, 2), List.of(false, true), false));
        return Optional.of(Panels.grid("Loss functions (the paper's Figure 2)",
                "G's loss for a generated sample whose raw discriminator output is x, and the size of its gradient, computed exactly."
                        + " For fakes that D already scores as real (large x) the cross-entropy gradient vanishes, while least squares still pulls"
                        + " them towards the decision boundary target c.",
                charts, 2, 520, 360));
    }

    /** log(1 + e^x) without overflow. */
    public static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    public static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
