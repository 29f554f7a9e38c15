package org.gansweep.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gansweep.core.config.Trial;
import org.gansweep.core.plugin.AdversarialLoss;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.store.Summary;
import org.gansweep.core.store.TrialFolder;

/**
 * One stored trial as the report sees it.
 *
 * @param summary null while the trial is unfinished
 * @param dataset the trial's dataset adapter (built, not opened), for figures that need the real distribution
 * @param loss the trial's loss (built, never run), for legends that say its targets in words
 */
public record TrialResult(Trial trial, Summary summary, MetricsCsv metrics, Path dir, DatasetAdapter dataset, AdversarialLoss loss) {

    public String settingName() {
        return trial.settingName();
    }

    public String status() {
        return summary == null ? "unfinished" : summary.status().name();
    }

    /**
     * A file of this trial as a path relative to the experiment folder ({@code trials/ID/samples/step_000300.png}),
     * the form the figures' CSVs name files in: it stays valid wherever the experiment folder is moved.
     */
    public String relative(Path file) {
        return "trials/" + dir.getFileName() + "/" + dir.relativize(file).toString().replace('\\', '/');
    }

    /** Of a setting's seeds, the lowest seed that saved image samples; null when none did. */
    public static TrialResult lowestSeedWithImages(List<TrialResult> seeds) {
        TrialResult first = null;
        for (TrialResult t : seeds) {
            if (!t.samples("png").isEmpty() && (first == null || t.trial().seed() < first.trial().seed())) {
                first = t;
            }
        }
        return first;
    }

    /** The last sample snapshot (step and file) with this extension; null when there is none. */
    public Map.Entry<Integer, Path> lastSample(String extension) {
        return samples(extension).lastEntry();
    }

    /** Sample snapshots by step: samples/step_NNNNNN.EXT. */
    public NavigableMap<Integer, Path> samples(String extension) {
        NavigableMap<Integer, Path> out = new TreeMap<>();
        Path d = dir.resolve(TrialFolder.SAMPLES);
        if (!Files.isDirectory(d)) {
            return out;
        }
        try (Stream<Path> files = Files.list(d)) {
            files.forEach(f -> {
                String n = f.getFileName().toString();
                if (n.startsWith("step_") && n.endsWith("." + extension)) {
                    try {
                        out.put(Integer.parseInt(n.substring(5, n.length() - extension.length() - 1)), f);
                    } catch (NumberFormatException e) {
                        // not a snapshot
                    }
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
