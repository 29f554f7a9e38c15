package org.gansweep.reports;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.gansweep.reports.figures.DensityFigure;
import org.gansweep.reports.figures.LossCurvesFigure;
import org.gansweep.reports.figures.LossFunctionsFigure;
import org.gansweep.reports.figures.MetricCurvesFigure;
import org.gansweep.reports.figures.SampleMatrixFigure;

/** Registers the report figures by name; the report shows them in this order. */
public final class ReportsModule extends AbstractModule {
    public static MapBinder<String, Figure> figures(com.google.inject.Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, Figure.class);
    }

    @Override
    protected void configure() {
        var figures = figures(binder());
        figures.addBinding("score-table").to(org.gansweep.reports.figures.ScoreTableFigure.class);
        figures.addBinding("density").to(DensityFigure.class);
        figures.addBinding("sample-matrix").to(SampleMatrixFigure.class);
        figures.addBinding("class-samples").to(org.gansweep.reports.figures.ClassSamplesFigure.class);
        figures.addBinding("sample-steps").to(org.gansweep.reports.figures.SampleStepsFigure.class);
        figures.addBinding("metric-curves").to(MetricCurvesFigure.class);
        figures.addBinding("loss-curves").to(LossCurvesFigure.class);
        figures.addBinding("loss-functions").to(LossFunctionsFigure.class);
    }
}
