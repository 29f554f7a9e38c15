package org.gansweep.core.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * A finished trial's {@code summary.json}; its existence marks the trial finished.
 *
 * @param status completed, failed or diverged
 * @param metrics final metric values; d_loss and g_loss are means over the last 100 steps
 * @param divergedAtStep the step whose loss was NaN or infinite (diverged trials)
 * @param error what went wrong (failed trials)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Summary(
        String trial,
        String status,
        Map<String, Double> metrics,
        long seed,
        int steps,
        double seconds,
        Integer divergedAtStep,
        String error,
        Map<String, String> setting,
        String configHash,
        Map<String, Object> provenance) {

    public boolean completed() {
        return "completed".equals(status);
    }
}
