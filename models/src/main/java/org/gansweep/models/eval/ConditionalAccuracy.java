package org.gansweep.models.eval;

import static org.gansweep.core.metrics.MetricNames.CONDITIONAL_ACCURACY;
import static org.gansweep.core.metrics.MetricNames.REAL_CONDITIONAL_ACCURACY;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.core.plugin.Architecture;
import org.gansweep.core.metrics.MetricColumn;
import org.gansweep.core.metrics.MetricColumn.Better;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.plugin.Plugin;

/**
 * {@code conditional-accuracy}: how often the dataset's evaluation classifier reads a conditional G's
 * sample as the class it was asked for (a readability score the paper does not have). The classifier's
 * accuracy on held-out real images is the ceiling it is read against.
 */
public final class ConditionalAccuracy extends JudgedMetric {
    /** @param epochs training epochs of the evaluation classifier */
    public record Params(Integer epochs) {
        public Params {
            epochs = epochs == null ? 4 : epochs;
        }
    }

    public ConditionalAccuracy(Params p) {
        super(p.epochs(), null);
    }

    /** The share of rows whose most probable class is the row's label. */
    static double accuracy(double[][] probabilities, int[] labels) {
        if (probabilities.length != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("need one label per row, got " + labels.length + " for " + probabilities.length);
        }
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int k = 1; k < probabilities[i].length; k++) {
                if (probabilities[i][k] > probabilities[i][best]) {
                    best = k;
                }
            }
            if (best == labels[i]) {
                right++;
            }
        }
        return (double) right / labels.length;
    }

    @Override
    public List<String> names() {
        return List.of(CONDITIONAL_ACCURACY, REAL_CONDITIONAL_ACCURACY);
    }

    @Override
    public List<MetricColumn> columns() {
        return List.of(MetricColumn.score(CONDITIONAL_ACCURACY, Better.HIGHER, "share read as the class asked for", REAL_CONDITIONAL_ACCURACY),
                MetricColumn.plain(REAL_CONDITIONAL_ACCURACY, "classifier accuracy on real images"));
    }

    @Override
    public void check(DatasetAdapter dataset, Architecture model) {
        super.check(dataset, model);
        FieldError.require(model.conditional(), "model", "needs a class-conditional model (lsgan-conditional)");
    }

    @Override
    public Map<String, Double> evaluate(NDArray samples, int[] labels, DatasetAdapter dataset) {
        if (labels == null) {
            throw new IllegalStateException("conditional-accuracy needs the labels G was asked for");
        }
        Judge c = judge(dataset);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(CONDITIONAL_ACCURACY, accuracy(c.probabilities(samples), labels));
        out.put(REAL_CONDITIONAL_ACCURACY, c.testAccuracy());
        return out;
    }

    /** Registered as {@code conditional-accuracy}. */
    public static final class Factory extends Plugin<Params, Metric> {
        public Factory() {
            super(Params.class, "share of a conditional G's samples the evaluation classifier reads as the asked-for class (epochs)");
        }

        @Override
        public void check(Params p) {
            checkJudge(p.epochs(), null);
        }

        @Override
        protected Metric build(Params p) {
            return new ConditionalAccuracy(p);
        }
    }
}
