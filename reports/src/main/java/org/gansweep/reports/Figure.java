package org.gansweep.reports;

import java.util.Optional;

/** A report figure, registered by name in {@link ReportsModule}. */
public interface Figure {
    /** One line for {@code gansweep list}. */
    String description();

    /** Draws the figure for these results, or returns empty when it does not apply to them. */
    Optional<Drawing> draw(ExperimentResults results);
}
