package org.gansweep.reports;

import com.google.inject.AbstractModule;
import org.gansweep.reports.figures.ClaimLooksFigure;
import org.gansweep.reports.figures.ClassSamplesFigure;
import org.gansweep.reports.figures.DecisionBoundaryFigure;
import org.gansweep.reports.figures.DensityFigure;
import org.gansweep.reports.figures.LossCurvesFigure;
import org.gansweep.reports.figures.LossFunctionsFigure;
import org.gansweep.reports.figures.MetricCurvesFigure;
import org.gansweep.reports.figures.SampleMatrixFigure;
import org.gansweep.reports.figures.SampleStepsFigure;
import org.gansweep.reports.figures.ScoreTableFigure;

/** Registers the report figures by name; the report shows them in this order. */
public final class ReportsModule extends AbstractModule {
    @Override
    protected void configure() {
        var figures = Figure.figures(binder());
        figures.addBinding("score-table").to(ScoreTableFigure.class);
        figures.addBinding("claim-looks").to(ClaimLooksFigure.class);
        figures.addBinding("density").to(DensityFigure.class);
        figures.addBinding("decision-boundary").to(DecisionBoundaryFigure.class);
        figures.addBinding("sample-matrix").to(SampleMatrixFigure.class);
        figures.addBinding("class-samples").to(ClassSamplesFigure.class);
        figures.addBinding("sample-steps").to(SampleStepsFigure.class);
        figures.addBinding("metric-curves").to(MetricCurvesFigure.class);
        figures.addBinding("loss-curves").to(LossCurvesFigure.class);
        figures.addBinding("loss-functions").to(LossFunctionsFigure.class);
    }
}
