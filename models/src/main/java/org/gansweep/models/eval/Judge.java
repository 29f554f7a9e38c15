package org.gansweep.models.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.gansweep.core.math.ClassifierScore;
import org.gansweep.core.math.FrechetDistance;
import org.gansweep.core.plugin.LabeledData;

/**
 * What scores generated images: gansweep's evaluation classifier or a user's TorchScript extractor. Both
 * read the held-out real images the same way: their feature statistics (what generated images are compared
 * with) and the reference row (the scores of real images themselves).
 */
abstract class Judge {
    private double[] realMean;
    private double[][] realCovariance;
    private double[][] realFeatures;
    private double realScore;
    private double realFrechet;

    /** Feature rows for the Frechet distance. */
    abstract double[][] features(NDArray images);

    /** Class-probability rows for the classifier score. */
    abstract double[][] probabilities(NDArray images);

    /** A manager whose sub-managers hold temporary arrays. */
    abstract NDManager manager();

    /** Test accuracy for gansweep's own classifier; NaN for an extractor without labels. */
    abstract double testAccuracy();

    /**
     * Reads the held-out real images: their feature statistics and the reference scores. The rows are put in
     * a fixed random order first: a test split stored class by class (rendered or HWDB characters) would
     * otherwise give halves and splits of different classes, and a reference far from what real data scores.
     */
    final void reference(LabeledData real) {
        try (NDManager m = manager().newSubManager()) {
            NDArray images = images(m, real, new int[real.size()]);
            double[][] f = shuffled(features(images));
            realFeatures = f;
            realMean = FrechetDistance.mean(f);
            realCovariance = FrechetDistance.covariance(f);
            int half = f.length / 2;
            realFrechet = FrechetDistance.between(Arrays.copyOfRange(f, 0, half), Arrays.copyOfRange(f, half, f.length));
            double[][] p = shuffled(probabilities(images));
            realScore = ClassifierScore.of(p, Math.min(10, p.length)).mean();
        }
    }

    /** The rows in a fixed pseudo-random order (the same for features and probabilities). */
    static double[][] shuffled(double[][] rows) {
        double[][] out = rows.clone();
        SplittableRandom r = new SplittableRandom(20170405);
        for (int i = out.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double[] t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /** All of {@code data} as one array in {@code m}; its labels go to {@code labels}. */
    static NDArray images(NDManager m, LabeledData data, int[] labels) {
        int size = (int) data.sampleShape().size();
        float[] px = new float[data.size() * size];
        data.copy(0, data.size(), px, labels);
        return m.create(px, new Shape(data.size()).addAll(data.sampleShape()));
    }

    /** The Frechet distance between these images and the held-out real images. */
    final double frechetDistance(NDArray images) {
        double[][] f = features(images);
        return FrechetDistance.between(FrechetDistance.mean(f), FrechetDistance.covariance(f), realMean, realCovariance);
    }

    /**
     * The held-out real images' feature rows, in the fixed random order: what the sample-based metrics (KID,
     * precision and recall, density and coverage) compare generated features with.
     */
    final double[][] realFeatures() {
        return realFeatures;
    }

    /** The classifier score of held-out real images: the reference row. */
    final double realClassifierScore() {
        return realScore;
    }

    /** The Frechet distance between two halves of the held-out real images: the reference row. */
    final double realFrechetDistance() {
        return realFrechet;
    }
}
