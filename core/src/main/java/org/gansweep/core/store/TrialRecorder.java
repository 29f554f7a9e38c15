package org.gansweep.core.store;

import ai.djl.ndarray.NDArray;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gansweep.core.train.TrainingListener;

/**
 * Writes a trial's {@code metrics.csv} (step, d_loss, g_loss, then each metric, blank where not computed
 * at that step) and its sample snapshots. Numbers are written in Java's shortest round-trip form, so the
 * same run gives the same bytes.
 */
public final class TrialRecorder implements TrainingListener, AutoCloseable {
    private final BufferedWriter csv;
    private final List<String> metricNames;
    private final Path samplesDir;
    private int pendingStep = -1;
    private String pendingD = "";
    private String pendingG = "";
    private Map<String, Double> pendingMetrics = Map.of();

    public TrialRecorder(Path trialDir, List<String> metricNames) throws IOException {
        this.metricNames = metricNames;
        this.samplesDir = trialDir.resolve(ExperimentStore.SAMPLES);
        Files.createDirectories(samplesDir);
        csv = Files.newBufferedWriter(trialDir.resolve(ExperimentStore.METRICS), StandardCharsets.UTF_8);
        csv.write("step,d_loss,g_loss");
        for (String m : metricNames) {
            csv.write(',');
            csv.write(m);
        }
        csv.write('\n');
    }

    @Override
    public void onLosses(int step, float dLoss, float gLoss) {
        moveTo(step);
        pendingD = Float.toString(dLoss);
        pendingG = Float.toString(gLoss);
    }

    @Override
    public void onEvaluation(int step, Map<String, Double> metrics, NDArray samples) {
        moveTo(step);
        pendingMetrics = metrics;
        try {
            SampleWriter.write(samples, samplesDir, step);
            flushPending();
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void moveTo(int step) {
        if (step != pendingStep) {
            flushPending();
            pendingStep = step;
        }
    }

    private void flushPending() {
        if (pendingStep < 0) {
            return;
        }
        try {
            csv.write(Integer.toString(pendingStep));
            csv.write(',');
            csv.write(pendingD);
            csv.write(',');
            csv.write(pendingG);
            for (String m : metricNames) {
                csv.write(',');
                Double v = pendingMetrics.get(m);
                if (v != null) {
                    csv.write(Double.toString(v));
                }
            }
            csv.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pendingStep = -1;
        pendingD = "";
        pendingG = "";
        pendingMetrics = Map.of();
    }

    @Override
    public void close() throws IOException {
        flushPending();
        csv.close();
    }
}
