package org.gansweep.core.metrics;

/**
 * The metrics.csv and summary.json column names of the shipped metrics, in one place: the metric plug-ins
 * write them (datasets' {@code mode-coverage}, models' image metrics) and the report reads some of them by
 * name (the score table, the class-sample headers), and reports may not depend on models. Core holds them
 * because both sides depend on core. The training loop's own columns ({@code step}, {@code d_loss},
 * {@code g_loss}) are {@link org.gansweep.core.train.LossNames}. These strings are a file format: renaming one
 * orphans every stored result that has it.
 */
public final class MetricNames {
    /** {@code mode-coverage}: modes holding their share of high-quality samples. */
    public static final String MODES_COVERED = "modes_covered";
    /** {@code mode-coverage}: the share of samples near some mode. */
    public static final String HIGH_QUALITY_FRACTION = "high_quality_fraction";
    /** {@code mode-coverage}: KL of the samples' mode histogram against the modes' weights. */
    public static final String KL_DIVERGENCE = "kl_divergence";

    /** {@code classifier-score}: the Inception-score formula on generated samples, its std over splits. */
    public static final String CLASSIFIER_SCORE = "classifier_score";
    public static final String CLASSIFIER_SCORE_STD = "classifier_score_std";
    /** {@code classifier-score}: the same score of held-out real images, the reference. */
    public static final String REAL_CLASSIFIER_SCORE = "real_classifier_score";
    /** {@code classifier-score}: the evaluation classifier's accuracy on held-out real images. */
    public static final String CLASSIFIER_TEST_ACCURACY = "classifier_test_accuracy";

    /** {@code frechet-distance}: the FID formula, generated against held-out real images. */
    public static final String FRECHET_DISTANCE = "frechet_distance";
    /** {@code frechet-distance}: one held-out half of the real images against the other, the reference. */
    public static final String REAL_FRECHET_DISTANCE = "real_frechet_distance";

    /** {@code conditional-accuracy}: the share of a conditional G's samples read as the class asked for. */
    public static final String CONDITIONAL_ACCURACY = "conditional_accuracy";
    /** {@code conditional-accuracy}: the evaluation classifier's accuracy on held-out real images, the ceiling. */
    public static final String REAL_CONDITIONAL_ACCURACY = "real_conditional_accuracy";

    private MetricNames() {}
}
