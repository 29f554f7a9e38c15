package org.gansweep.reports.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.gansweep.core.metrics.GaussianMixture;
import org.gansweep.reports.Drawing;
import org.gansweep.reports.ExperimentResults;
import org.gansweep.reports.TrialResult;

/**
 * What a per-seed figure of a 2-D mixture experiment draws (the density figure, Figure 1): the mixture, the seeds
 * (ascending), and for each seed the first trial of each setting that has the figure's files.
 */
record MixtureTrials(GaussianMixture mixture, TreeSet<Long> seeds, Map<Long, List<TrialResult>> bySeed) {
    /** The trials on a Gaussian mixture for which {@code drawn} holds; empty when there are none. */
    static Optional<MixtureTrials> of(ExperimentResults results, Predicate<TrialResult> drawn) {
        Predicate<TrialResult> shown = t -> t.dataset().capability(GaussianMixture.class).isPresent() && drawn.test(t);
        GaussianMixture mixture = null;
        TreeSet<Long> seeds = new TreeSet<>();
        for (TrialResult t : results.trials()) {
            if (shown.test(t)) {
                mixture = mixture == null ? t.dataset().capability(GaussianMixture.class).get() : mixture;
                seeds.add(t.trial().seed());
            }
        }
        if (mixture == null) {
            return Optional.empty();
        }
        Map<Long, List<TrialResult>> bySeed = new LinkedHashMap<>();
        for (long seed : seeds) {
            List<TrialResult> rows = new ArrayList<>();
            results.bySetting().forEach((setting, trials) -> trials.stream()
                    .filter(t -> t.trial().seed() == seed && shown.test(t)).findFirst().ifPresent(rows::add));
            bySeed.put(seed, rows);
        }
        return Optional.of(new MixtureTrials(mixture, seeds, bySeed));
    }

    /** The first seed's page as the figure, every other seed's as a page of it named {@code seed-N}. */
    static Drawing paged(Map<Long, Drawing> bySeed) {
        Drawing main = null;
        Map<String, Drawing> pages = new LinkedHashMap<>();
        for (Map.Entry<Long, Drawing> e : bySeed.entrySet()) {
            if (main == null) {
                main = e.getValue();
            } else {
                pages.put("seed-" + e.getKey(), e.getValue());
            }
        }
        return main.withPages(pages);
    }
}
