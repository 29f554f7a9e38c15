package org.gansweep.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One cell of a grid: a config with one seed.
 *
 * @param id the folder name: a readable label plus the config hash
 * @param label the readable part (axis values and seed)
 * @param setting the axis values that make this trial differ from its siblings, seed excluded; trials
 *     with equal settings are the seeds of one configuration, and reports group them
 * @param config the resolved config
 * @param resolved the same as a tree, every default filled in: what {@code config.yaml} holds
 * @param hash the first hex digits of the SHA-256 of the canonical JSON of {@code resolved}
 */
public record Trial(
        String id, String label, Map<String, String> setting, TrialConfig config, ObjectNode resolved, String hash) {

    public long seed() {
        return config.seed();
    }

    /** The setting as one readable string, e.g. {@code loss=lsgan-pearson}. */
    public String settingName() {
        if (setting.isEmpty()) {
            return "default";
        }
        StringBuilder sb = new StringBuilder();
        setting.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }
}
