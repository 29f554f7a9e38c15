package org.gansweep.models.eval;

import static org.gansweep.core.metrics.MetricNames.CLASSIFIER_SCORE;
import static org.gansweep.core.metrics.MetricNames.CLASSIFIER_SCORE_STD;
import static org.gansweep.core.metrics.MetricNames.CLASSIFIER_TEST_ACCURACY;
import static org.gansweep.core.metrics.MetricNames.REAL_CLASSIFIER_SCORE;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.core.math.ClassifierScore;
import org.gansweep.core.metrics.MetricColumn;
import org.gansweep.core.metrics.MetricColumn.Better;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.plugin.Plugin;

/**
 * {@code classifier-score}: the Inception-score formula, exp(E KL(p(y|x) || p(y))), over {@code splits} parts
 * of the samples, judged by the dataset's evaluation classifier; held-out real images get the same score as
 * the reference.
 */
public final class ClassifierScoreMetric extends JudgedMetric {
    /**
     * @param splits parts the samples are scored in (mean and std over them)
     * @param epochs training epochs of the evaluation classifier
     * @param extractor a TorchScript module whose outputs (softmaxed) replace the classifier's predictions
     */
    public record Params(Integer splits, Integer epochs, String extractor) {
        public Params {
            splits = splits == null ? 10 : splits;
            epochs = epochs == null ? 4 : epochs;
        }
    }

    private final int splits;

    public ClassifierScoreMetric(Params p) {
        super(p.epochs(), p.extractor());
        this.splits = p.splits();
    }

    @Override
    public List<String> names() {
        return List.of(CLASSIFIER_SCORE, CLASSIFIER_SCORE_STD, REAL_CLASSIFIER_SCORE, CLASSIFIER_TEST_ACCURACY);
    }

    @Override
    public List<MetricColumn> columns() {
        return List.of(MetricColumn.score(CLASSIFIER_SCORE, Better.HIGHER, "classifier score", REAL_CLASSIFIER_SCORE),
                MetricColumn.plain(CLASSIFIER_SCORE_STD, "classifier score's spread over splits"),
                MetricColumn.plain(REAL_CLASSIFIER_SCORE, "classifier score of real images"),
                MetricColumn.plain(CLASSIFIER_TEST_ACCURACY, "evaluation classifier's test accuracy"));
    }

    @Override
    public Map<String, Double> evaluate(NDArray samples, int[] labels, DatasetAdapter dataset) {
        Judge c = judge(dataset);
        double[][] probs = c.probabilities(samples);
        ClassifierScore.Score s = ClassifierScore.of(probs, Math.min(splits, probs.length));
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(CLASSIFIER_SCORE, s.mean());
        out.put(CLASSIFIER_SCORE_STD, s.std());
        out.put(REAL_CLASSIFIER_SCORE, c.realClassifierScore());
        if (!Double.isNaN(c.testAccuracy())) {
            out.put(CLASSIFIER_TEST_ACCURACY, c.testAccuracy());
        }
        return out;
    }

    /** Registered as {@code classifier-score}. */
    public static final class Factory extends Plugin<Params, Metric> {
        public Factory() {
            super(Params.class, "Inception-score formula with the dataset's evaluation classifier, or a TorchScript extractor's logits (splits, epochs, extractor)");
        }

        @Override
        public void check(Params p) {
            FieldError.require(p.splits() >= 1 && p.splits() <= 100, "splits", "must be between 1 and 100, got " + p.splits());
            checkJudge(p.epochs(), p.extractor());
        }

        @Override
        protected Metric build(Params p) {
            return new ClassifierScoreMetric(p);
        }
    }
}
