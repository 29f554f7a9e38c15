package org.gansweep.reports.figures;

import java.util.List;
import java.util.Optional;
import org.gansweep.reports.Csv;
import org.gansweep.reports.Drawing;
import org.gansweep.reports.ExperimentResults;
import org.gansweep.reports.Figure;
import org.gansweep.reports.Legend;
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
    /** The losses drawn, by their YAML names, and in words as the losses describe themselves. */
    static final List<String> PRESETS = List.of("gan", "lsgan-binary", "lsgan-pearson");
    static final List<String> NAMES = List.of("GAN (sigmoid cross-entropy), gan", "LSGAN (a=0, b=1, c=1), lsgan-binary",
            "LSGAN (a=-1, b=1, c=0), lsgan-pearson");

    @Override
    public String summary() {
        return "the paper's Figure 2: G's loss and gradient size against D's decision value, sigmoid cross-entropy vs least squares (exact)";
    }

    @Override
    public Optional<Drawing> draw(ExperimentResults results) {
        int[] colour = colours(Legend.of(results));
        XYSeries ce = new XYSeries(NAMES.get(0) + ": -log sigmoid(x)");
        XYSeries ceGrad = new XYSeries(NAMES.get(0) + ": sigmoid(-x)");
        XYSeries lsBinary = new XYSeries(NAMES.get(1) + ": (x-1)^2 / 2");
        XYSeries lsBinaryGrad = new XYSeries(NAMES.get(1) + ": |x-1|");
        XYSeries lsPearson = new XYSeries(NAMES.get(2) + ": x^2 / 2");
        XYSeries lsPearsonGrad = new XYSeries(NAMES.get(2) + ": |x|");
        Csv csv = new Csv("x", "gan_loss", "gan_gradient_size", "lsgan_binary_loss", "lsgan_binary_gradient_size",
                "lsgan_pearson_loss", "lsgan_pearson_gradient_size");
        for (int i = 0; i < POINTS; i++) {
            double x = LO + (HI - LO) * i / (POINTS - 1);
            double[] v = {softplus(-x), sigmoid(-x), 0.5 * (x - 1) * (x - 1), Math.abs(x - 1), 0.5 * x * x, Math.abs(x)};
            ce.add(x, v[0]);
            ceGrad.add(x, v[1]);
            lsBinary.add(x, v[2]);
            lsBinaryGrad.add(x, v[3]);
            lsPearson.add(x, v[4]);
            lsPearsonGrad.add(x, v[5]);
            csv.row(x, v[0], v[1], v[2], v[3], v[4], v[5]);
        }
        List<Integer> ls = List.of(colour[1], colour[2]);
        List<Boolean> dashes = List.of(false, true);
        List<JFreeChart> charts = List.of(
                Panels.lines("(a) sigmoid cross-entropy: G's loss", "decision value x", "loss", List.of(ce), List.of(colour[0]), List.of(false), false),
                Panels.lines("(b) least squares: G's loss", "decision value x", "loss", List.of(lsBinary, lsPearson), ls, dashes, false),
                Panels.lines("(c) cross-entropy gradient size", "decision value x", "|dL/dx|", List.of(ceGrad), List.of(colour[0]), List.of(false), false),
                Panels.lines("(d) least-squares gradient size", "decision value x", "|dL/dx|", List.of(lsBinaryGrad, lsPearsonGrad), ls, dashes, false));
        return Optional.of(Panels.grid("Loss functions (the paper's Figure 2)",
                "G's loss for a generated sample whose raw discriminator output is x, and the size of its gradient, computed exactly."
                        + " For fakes that D already scores as real (large x) the cross-entropy gradient vanishes, while least squares still pulls"
                        + " them towards G's target c. Each loss has the colour of the setting that trains with it in the other figures.",
                charts, 2, 560, 380).withData(csv.toString()));
    }

    /**
     * The palette index of each of PRESETS: the colour of the setting that trains with that loss, so the curve reads
     * like the other figures; a loss no setting uses gets a colour no setting has.
     */
    static int[] colours(Legend legend) {
        int spare = 0;
        int[] colour = new int[PRESETS.size()];
        for (int k = 0; k < PRESETS.size(); k++) {
            Optional<String> setting = legend.settingWithLoss(PRESETS.get(k));
            colour[k] = setting.isPresent() ? legend.index(setting.get()) : legend.spare(spare++);
        }
        return colour;
    }

    /** log(1 + e^x) without overflow. */
    public static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    public static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
