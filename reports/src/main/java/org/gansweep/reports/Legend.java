package org.gansweep.reports;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each setting's colour and legend name, the same in every figure of a report. The colour is the setting's
 * place in the grid; figures that draw something per loss rather than per setting (the loss functions) take the
 * colour of the setting that trains with that loss, so a reader can follow one colour through the whole page.
 * The name says a loss in words beside its YAML name ({@code LSGAN (a=-1, b=1, c=0), lsgan-pearson}): the
 * preset names alone do not say which targets they train with.
 */
public final class Legend {
    private final List<String> settings = new ArrayList<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> byLoss = new LinkedHashMap<>();

    private Legend() {}

    public static Legend of(ExperimentResults results) {
        Legend l = new Legend();
        for (Map.Entry<String, List<TrialResult>> e : results.bySetting().entrySet()) {
            TrialResult t = e.getValue().get(0);
            l.settings.add(e.getKey());
            l.names.put(e.getKey(), name(t));
            l.byLoss.putIfAbsent(t.trial().config().loss().type(), e.getKey());
        }
        return l;
    }

    /** "LSGAN (a=-1, b=1, c=0), lsgan-pearson"; other axes as key=value after it, separated by "; ". */
    static String name(TrialResult t) {
        if (t.trial().setting().isEmpty()) {
            return t.settingName();
        }
        List<String> parts = new ArrayList<>();
        // The loss axis is `loss` or `loss.type` (grids that set the loss's other fields in base).
        t.trial().setting().forEach((k, v) -> parts.add(("loss".equals(k) || "loss.type".equals(k)) && t.loss() != null
                ? t.loss().describe() + ", " + v : k + "=" + v));
        return String.join("; ", parts);
    }

    /** The setting's palette index: its place in the grid. */
    public int index(String setting) {
        int i = settings.indexOf(setting);
        return i >= 0 ? i : settings.size();
    }

    public Color colour(String setting) {
        return Palette.series(index(setting));
    }

    public String name(String setting) {
        return names.getOrDefault(setting, setting);
    }

    /** The first setting (in grid order) whose trials train with this loss type, e.g. {@code lsgan-binary}. */
    public Optional<String> settingWithLoss(String lossType) {
        return Optional.ofNullable(byLoss.get(lossType));
    }

    /** The palette index of the k-th colour no setting uses, for a curve that belongs to no setting. */
    public int spare(int k) {
        return settings.size() + k;
    }
}
