package org.gansweep.reports;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import java.util.Optional;

/**
 * A report figure, registered by name like every plug-in: one class plus one line in {@link ReportsModule},
 * {@code Figure.figures(binder()).addBinding("density").to(DensityFigure.class)}. A figure takes no parameters,
 * so the class is registered itself, without a factory; the report draws the figures in registration order.
 */
public interface Figure {
    /** The map binder through which modules register figures by name (the figures' {@code Registries}). */
    static MapBinder<String, Figure> figures(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, Figure.class);
    }

    /** One line for {@code gansweep list}. */
    String summary();

    /** Draws the figure for these results, or returns empty when it does not apply to them. */
    Optional<Drawing> draw(ExperimentResults results);
}
