package org.gansweep.models.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gansweep.core.plugin.Architecture;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Metric;

/**
 * What the image metrics judged by a classifier share ({@link ClassifierScoreMetric}, {@link FrechetDistanceMetric},
 * {@link ConditionalAccuracy}): they need a labelled dataset, and their judge, the dataset's own evaluation
 * classifier ({@link EvaluationClassifier}) or the user's TorchScript extractor, is built before training.
 */
abstract class JudgedMetric implements Metric {
    private final int epochs;
    private final String extractor;

    JudgedMetric(int epochs, String extractor) {
        this.epochs = epochs;
        this.extractor = extractor;
    }

    @Override
    public void check(DatasetAdapter dataset, Architecture model) {
        FieldError.require(dataset.hasLabels(), "type", "needs a labelled image dataset (one whose images come with class labels)");
    }

    @Override
    public void prepare(DatasetAdapter dataset) {
        judge(dataset);
    }

    /** gansweep's evaluation classifier, or the user's TorchScript extractor when one is given. */
    final Judge judge(DatasetAdapter d) {
        try {
            if (extractor != null) {
                return TorchScriptExtractor.load(Path.of(extractor), d.labeled(false).orElseThrow());
            }
            return EvaluationClassifier.forData(d.labeled(true).orElseThrow(), d.labeled(false).orElseThrow(), epochs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parameter checks every judged metric shares: the classifier's epochs and the extractor file. */
    static void checkJudge(int epochs, String extractor) {
        FieldError.require(epochs >= 1 && epochs <= 50, "epochs", "must be between 1 and 50, got " + epochs);
        FieldError.require(extractor == null || Files.isRegularFile(Path.of(extractor)), "extractor",
                "names no file: give the path of a TorchScript module (images in [-1, 1] to one row per image)");
    }
}
