package org.gansweep.core.store;

import ai.djl.ndarray.NDArray;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gansweep.core.train.DecisionField;
import org.gansweep.core.train.LossNames;
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
    private List<String> classNames = List.of();

    public TrialRecorder(Path trialDir, List<String> metricNames) throws IOException {
        this(trialDir, metricNames, -1);
    }

    /**
     * With {@code resumeAfter >= 0}, keeps what an interrupted run recorded up to that (checkpointed) step
     * and drops the rest, so the resumed run appends exactly what the uninterrupted one would have.
     */
    public TrialRecorder(Path trialDir, List<String> metricNames, int resumeAfter) throws IOException {
        this.metricNames = metricNames;
        this.samplesDir = trialDir.resolve(TrialFolder.SAMPLES);
        Files.createDirectories(samplesDir);
        Path file = trialDir.resolve(TrialFolder.METRICS);
        List<String> header = new ArrayList<>(List.of(LossNames.STEP, LossNames.D_LOSS, LossNames.G_LOSS));
        header.addAll(metricNames);
        StringBuilder kept = new StringBuilder(CsvRows.format(header));
        if (resumeAfter >= 0 && Files.exists(file)) {
            List<String[]> rows = CsvRows.read(file);
            for (String[] cells : rows.subList(Math.min(1, rows.size()), rows.size())) {
                // A row cut short by the interruption has fewer cells: dropped with those after the checkpoint.
                if (cells.length == header.size() && Integer.parseInt(cells[0]) <= resumeAfter) {
                    kept.append(CsvRows.format(cells));
                }
            }
            try (var old = Files.list(samplesDir)) {
                for (Path p : old.toList()) {
                    String n = p.getFileName().toString();
                    // Files of the steps after the checkpoint: the resumed run writes them again.
                    String stepped = n.startsWith(DECISION_PREFIX) ? n.substring(DECISION_PREFIX.length() - 5) : n;
                    if (stepped.startsWith("step_") && Integer.parseInt(stepped.substring(5, 11)) > resumeAfter) {
                        Files.delete(p);
                    }
                }
            }
        }
        AtomicFiles.write(file, kept.toString());
        csv = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** The names of the dataset's classes, written beside the labels of a conditional G's sample grids. */
    public TrialRecorder withClassNames(List<String> names) {
        this.classNames = List.copyOf(names);
        return this;
    }

    @Override
    public void onCheckpoint(int step) {
        flushPending();
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onLosses(int step, float dLoss, float gLoss) {
        moveTo(step);
        pendingD = Float.toString(dLoss);
        pendingG = Float.toString(gLoss);
    }

    @Override
    public void onEvaluation(int step, Map<String, Double> metrics, NDArray samples, int[] labels) {
        moveTo(step);
        pendingMetrics = metrics;
        try {
            SampleWriter.write(samples, samplesDir, step);
            if (labels != null && !Files.exists(samplesDir.resolve(SampleWriter.GRID_LABELS))) {
                SampleWriter.writeLabels(labels, classNames, samplesDir);
            }
            flushPending();
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code samples/decision_step_NNNNNN.csv}: what the decision-boundary figure draws of this step. */
    public static final String DECISION_PREFIX = "decision_step_";

    @Override
    public void onDecisionField(int step, DecisionField field) {
        try {
            AtomicFiles.write(samplesDir.resolve(String.format(Locale.ROOT, "%s%06d.csv", DECISION_PREFIX, step)), field.csv());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onSamples(int step, NDArray samples, int[] labels) {
        try {
            SampleWriter.write(samples, samplesDir, step);
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
        List<String> cells = new ArrayList<>(List.of(Integer.toString(pendingStep), pendingD, pendingG));
        for (String m : metricNames) {
            Double v = pendingMetrics.get(m);
            cells.add(v != null ? Double.toString(v) : "");
        }
        try {
            csv.write(CsvRows.format(cells));
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
