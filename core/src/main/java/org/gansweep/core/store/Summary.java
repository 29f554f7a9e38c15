package org.gansweep.core.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;
import org.gansweep.core.config.Trial;
import org.gansweep.core.train.TrialStatus;

/**
 * A trial's {@code summary.json}: how it ended (completed and diverged are final, failed is retried), its
 * metrics and provenance, and checksums of its result files. {@link TrialFolder} reads and checks it.
 *
 * @param status completed, failed or diverged
 * @param metrics final metric values; d_loss and g_loss are means over the last 100 steps
 * @param divergedAtStep the step whose loss was NaN or infinite (diverged trials)
 * @param error what went wrong (failed trials)
 * @param files SHA-256 of each result file when the trial finished ({@link TrialFolder#resultFiles}), by path in
 *     the trial folder: what {@code run}, {@code report} and {@code reproduce} check the files against
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Summary(
        String trial,
        TrialStatus status,
        Map<String, Double> metrics,
        long seed,
        int steps,
        double seconds,
        Integer divergedAtStep,
        String error,
        Map<String, String> setting,
        String configHash,
        TrialProvenance provenance,
        Map<String, String> files) {

    /** A trial that ended without a result of its own (a killed worker or Slurm task): failed, so a rerun retries it. */
    public static Summary failed(Trial t, String error, TrialProvenance provenance) {
        return new Summary(t.id(), TrialStatus.failed, Map.of(), t.seed(), 0, 0, null, error, t.setting(), t.hash(), provenance, null);
    }

    /** The same summary with the checksums of its folder's result files. */
    public Summary withFiles(Map<String, String> checksums) {
        return new Summary(trial, status, metrics, seed, steps, seconds, divergedAtStep, error, setting, configHash, provenance, checksums);
    }

    public boolean completed() {
        return status == TrialStatus.completed;
    }

    /** The code path the trial was computed on ({@link TrialProvenance#codePath()}), "unknown" without provenance. */
    public String codePath() {
        return provenance == null ? "unknown" : provenance.codePath();
    }
}
