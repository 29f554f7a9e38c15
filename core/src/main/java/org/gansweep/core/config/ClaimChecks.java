package org.gansweep.core.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gansweep.core.plugin.Kind;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.train.LossNames;

/**
 * Every claim against the trials the grid makes once {@code --set} is applied: its axis, its groups and its
 * {@code where} must name settings some trial has, its two groups must differ, and its metric must be a column the
 * trials record. A claim that cannot match anything would otherwise run the whole sweep and end in "no data".
 * Also how claims and seeds go together ({@link #checkSeeds}).
 */
final class ClaimChecks {
    private final PluginCatalog catalog;
    private final YamlLocator at;
    private final GridErrors errors;

    ClaimChecks(PluginCatalog catalog, YamlLocator at, GridErrors errors) {
        this.catalog = catalog;
        this.at = at;
        this.errors = errors;
    }

    void check(List<Claim> claims, List<Trial> trials, List<String> axisNames, List<String> overrides) {
        String afterSet = overrides.isEmpty() ? "" : " once --set " + String.join(" ", overrides) + " is applied";
        Set<String> recorded = recordedMetrics(trials);
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            String p = "/claims/" + i;
            if (!recorded.contains(c.metric())) {
                errors.add(at.valueAt(p + "/metric"), "claim metric `" + c.metric() + "` is not recorded by any trial"
                        + GridMessages.suggest(c.metric(), recorded) + "; the trials record " + String.join(", ", recorded));
            }
            if (!axisNames.contains(c.axis())) {
                errors.add(at.valueAt(p + "/axis"), "claim axis `" + c.axis() + "` is not an axis of this grid"
                        + GridMessages.suggest(c.axis(), axisNames) + "; axes: " + String.join(", ", axisNames));
                continue;
            }
            checkWhere(c, p, trials, axisNames, afterSet);
            checkGroups(c, p, trials, afterSet);
        }
    }

    /** Each {@code where} entry names an axis and one of the values its trials have. */
    private void checkWhere(Claim c, String p, List<Trial> trials, List<String> axisNames, String afterSet) {
        for (var w : c.where().entrySet()) {
            Set<String> wv = values(trials, w.getKey());
            if (!axisNames.contains(w.getKey()) || !wv.contains(w.getValue())) {
                errors.add(at.valueAt(p + "/where"), "`where` names `" + w.getKey() + ": " + w.getValue()
                        + "`, which no trial has" + afterSet + "; axes: " + String.join(", ", axisNames)
                        + (axisNames.contains(w.getKey()) ? "; its values: " + String.join(", ", wv) : ""));
            }
        }
    }

    /** The compared groups are values of the claim's axis, and not the same one twice. */
    private void checkGroups(Claim c, String p, List<Trial> trials, String afterSet) {
        Set<String> values = values(trials, c.axis());
        for (int k = 0; k < c.compare().size(); k++) {
            String g = c.compare().get(k);
            if (!values.contains(g)) {
                errors.add(at.valueAt(p + "/compare/" + k), "`" + g + "` is not a value of axis `" + c.axis() + "`" + afterSet
                        + GridMessages.suggest(g, values) + "; its values: " + String.join(", ", values)
                        + (afterSet.isEmpty() ? "" : " (drop the --set that removes it, or the claim)"));
            } else if (c.compare().subList(0, k).contains(g)) {
                errors.add(at.valueAt(p + "/compare/" + k), "`compare` names `" + g + "` twice: a claim compares two"
                        + " different settings of axis `" + c.axis() + "`");
            }
        }
    }

    /**
     * The claims against the grid's seeds, checked whatever the command (claims tested or not): a margin needs
     * sequential seeds, and sequential seeds need claims to decide.
     */
    static void checkSeeds(List<Claim> claims, SequentialSeeds sequential, List<String> overrides, YamlLocator at) throws ConfigException {
        boolean seedsSet = overrides.stream().anyMatch(o -> o.startsWith("seeds="));
        for (int i = 0; i < claims.size() && sequential == null; i++) {
            if (claims.get(i).margin() != null) {
                // Equivalence is decided look by look; a fixed set of seeds has no looks, and the margin would do nothing.
                throw new ConfigException(seedsSet ? Location.commandLine("--set seeds") : at.keyAt("/claims/" + i + "/margin"),
                        "`margin` (equivalence) is decided with sequential seeds: give"
                        + " `seeds: {sequential: {first: 5, step: 5, max: 20}}`, or leave the margin out");
            }
        }
        if (sequential != null && claims.isEmpty()) {
            throw new ConfigException(seedsSet ? Location.commandLine("--set seeds") : at.valueAt("/seeds"), "sequential seeds go on"
                    + " until the claims are decided, and this grid has no `claims`: give a seed count or list, or claims to decide");
        }
    }

    private static Set<String> values(List<Trial> trials, String axis) {
        Set<String> out = new LinkedHashSet<>();
        trials.forEach(t -> {
            if (t.setting().get(axis) != null) {
                out.add(t.setting().get(axis));
            }
        });
        return out;
    }

    /** The losses and every column the trials' metrics write. */
    private Set<String> recordedMetrics(List<Trial> trials) {
        Set<String> out = new LinkedHashSet<>(List.of(LossNames.D_LOSS, LossNames.G_LOSS));
        Set<String> seen = new LinkedHashSet<>();
        for (Trial t : trials) {
            for (Component m : t.config().metrics()) {
                if (seen.add(m.type() + m.params())) {
                    Metric metric = (Metric) catalog.find(Kind.METRIC, m.type()).create(m.params());
                    out.addAll(new ArrayList<>(metric.names()));
                }
            }
        }
        return out;
    }
}
