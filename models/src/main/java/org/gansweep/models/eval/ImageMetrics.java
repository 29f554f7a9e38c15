package org.gansweep.models.eval;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.core.math.ClassifierScore;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.plugin.Plugin;

/**
 * Image quality through the dataset's own evaluation classifier ({@link EvaluationClassifier}): the
 * Inception-score formula ({@code classifier-score}) and the FID formula in its 128-d feature space
 * ({@code frechet-distance}), each with the same score of held-out real images as the reference.
 */
public final class ImageMetrics {
    private ImageMetrics() {}

    /** gansweep's evaluation classifier, or the user's TorchScript extractor when one is given. */
    static Judge judge(DatasetAdapter d, int epochs, String extractor) {
        try {
            if (extractor != null) {
                return TorchScriptExtractor.load(java.nio.file.Path.of(extractor), d.labeled(false).orElseThrow());
            }
            return EvaluationClassifier.forData(d.labeled(true).orElseThrow(), d.labeled(false).orElseThrow(), epochs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checks both metrics share: the classifier's epochs and the extractor file. */
    static void checkJudge(int epochs, String extractor) {
        FieldError.require(epochs >= 1 && epochs <= 50, "epochs", "must be between 1 and 50, got " + epochs);
        FieldError.require(extractor == null || java.nio.file.Files.isRegularFile(java.nio.file.Path.of(extractor)), "extractor",
                "names no file: give the path of a TorchScript module (images in [-1, 1] to one row per image)");
    }

    /** What the metrics judged by a classifier share: the labelled-data check, and the judge built before training. */
    abstract static class Judged implements Metric {
        private final int epochs;
        private final String extractor;

        Judged(int epochs, String extractor) {
            this.epochs = epochs;
            this.extractor = extractor;
        }

        @Override
        public void check(DatasetAdapter dataset, org.gansweep.core.plugin.Architecture model) {
            requireLabels(dataset);
        }

        @Override
        public void prepare(DatasetAdapter dataset) {
            judge(dataset);
        }

        final Judge judge(DatasetAdapter dataset) {
            return ImageMetrics.judge(dataset, epochs, extractor);
        }
    }

    static void requireLabels(DatasetAdapter d) {
        FieldError.require(d.hasLabels(), "type", "needs a labelled image dataset (one whose images come with class labels)");
    }

    /** {@code classifier-score}: exp(E KL(p(y|x) || p(y))) over {@code splits} parts of the samples. */
    public static final class Score extends Plugin<Score.Params, Metric> {
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

        public Score() {
            super(Params.class, "Inception-score formula with the dataset's evaluation classifier, or a TorchScript extractor's logits (splits, epochs, extractor)");
        }

        @Override
        public void check(Params p) {
            FieldError.require(p.splits() >= 1 && p.splits() <= 100, "splits", "must be between 1 and 100, got " + p.splits());
            checkJudge(p.epochs(), p.extractor());
        }

        @Override
        protected Metric build(Params p) {
            return new Judged(p.epochs(), p.extractor()) {
                @Override
                public List<String> names() {
                    return List.of("classifier_score", "classifier_score_std", "real_classifier_score", "classifier_test_accuracy");
                }

                @Override
                public Map<String, Double> evaluate(NDArray samples, int[] labels, DatasetAdapter dataset) {
                    Judge c = judge(dataset);
                    double[][] probs = c.probabilities(samples);
                    ClassifierScore.Score s = ClassifierScore.of(probs, Math.min(p.splits(), probs.length));
                    Map<String, Double> out = new LinkedHashMap<>();
                    out.put("classifier_score", s.mean());
                    out.put("classifier_score_std", s.std());
                    out.put("real_classifier_score", c.realClassifierScore());
                    if (!Double.isNaN(c.testAccuracy())) {
                        out.put("classifier_test_accuracy", c.testAccuracy());
                    }
                    return out;
                }
            };
        }
    }

    /** {@code frechet-distance}: the FID formula between generated and held-out real images' features. */
    public static final class Frechet extends Plugin<Frechet.Params, Metric> {
        /**
         * @param epochs training epochs of the evaluation classifier
         * @param extractor a TorchScript module to take features from instead of gansweep's classifier
         */
        public record Params(Integer epochs, String extractor) {
            public Params {
                epochs = epochs == null ? 4 : epochs;
            }
        }

        public Frechet() {
            super(Params.class, "FID formula in the evaluation classifier's (or a TorchScript extractor's) features, against the test split (epochs, extractor)");
        }

        @Override
        public void check(Params p) {
            checkJudge(p.epochs(), p.extractor());
        }

        @Override
        protected Metric build(Params p) {
            return new Judged(p.epochs(), p.extractor()) {
                @Override
                public List<String> names() {
                    return List.of("frechet_distance", "real_frechet_distance");
                }

                @Override
                public Map<String, Double> evaluate(NDArray samples, int[] labels, DatasetAdapter dataset) {
                    Judge c = judge(dataset);
                    Map<String, Double> out = new LinkedHashMap<>();
                    out.put("frechet_distance", c.frechetDistance(samples));
                    out.put("real_frechet_distance", c.realFrechetDistance());
                    return out;
                }
            };
        }
    }
}
