package org.gansweep.reports.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gansweep.core.train.DecisionField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figure 1's boundary is where D's output crosses the midpoint of its targets; its files read back as written. */
class DecisionBoundaryFigureTest {
    private static final int CELLS = 20;
    private static final double EXTENT = 2.0;

    /** D(x, y) = 0.7 x - 1.2 y + 0.4 at the grid's cell centres. */
    private static float[] linearField() {
        float[] f = new float[CELLS * CELLS];
        double step = 2 * EXTENT / CELLS;
        for (int r = 0; r < CELLS; r++) {
            for (int c = 0; c < CELLS; c++) {
                double x = -EXTENT + (c + 0.5) * step;
                double y = -EXTENT + (r + 0.5) * step;
                f[r * CELLS + c] = (float) (0.7 * x - 1.2 * y + 0.4);
            }
        }
        return f;
    }

    @Test
    void theBoundaryRunsWhereDCrossesTheMidpoint() {
        for (double level : new double[] {0.0, 0.5}) {
            List<double[]> segments = DecisionBoundaryFigure.boundary(linearField(), CELLS, EXTENT, level);
            assertTrue(segments.size() >= CELLS - 2, "segments: " + segments.size());
            for (double[] s : segments) {
                for (int end = 0; end < 2; end++) {
                    double x = s[2 * end];
                    double y = s[2 * end + 1];
                    assertEquals(level, 0.7 * x - 1.2 * y + 0.4, 1e-5, "a boundary point off the line D = " + level);
                }
            }
        }
        assertEquals(List.of(), DecisionBoundaryFigure.boundary(linearField(), CELLS, EXTENT, 100), "a level D never reaches");
        assertEquals(List.of(), DecisionBoundaryFigure.boundary(linearField(), CELLS, EXTENT, Double.NaN), "a loss without a boundary");
    }

    @Test
    void stepsPickedAreEarlyMiddleAndLastAfterStepZero() {
        assertEquals(List.of(10, 30, 50), DecisionBoundaryFigure.pick(List.of(0, 10, 20, 30, 40, 50)));
        assertEquals(List.of(10, 20), DecisionBoundaryFigure.pick(List.of(0, 10, 20)));
        assertEquals(List.of(0), DecisionBoundaryFigure.pick(List.of(0)));
    }

    @Test
    void aDecisionFileReadsBackAsTrainingWroteIt(@TempDir Path tmp) throws Exception {
        float[][] fakes = {{0.1f, -0.2f, 0.3f, 0.01f, -0.02f}, {1.5f, 1.0f, -2.0f, 0.5f, 0.25f}};
        DecisionField written = new DecisionField(EXTENT, CELLS, linearField(), fakes);
        Path file = tmp.resolve("decision_step_000100.csv");
        Files.writeString(file, written.csv());
        DecisionBoundaryFigure.Panel p = DecisionBoundaryFigure.read(file, 100, "trials/x/samples/decision_step_000100.csv", 0.0).orElseThrow();
        assertEquals(CELLS, p.cells());
        assertEquals(EXTENT, p.extent(), 1e-6);
        assertArrayEquals(written.field(), p.field());
        assertEquals(2, p.fakes().size());
        assertArrayEquals(fakes[1], p.fakes().get(1));
        Files.writeString(file, "kind,x,y,d,grad_x,grad_y\nfield,1,2,3,,\n");
        assertTrue(DecisionBoundaryFigure.read(file, 100, "s", 0.0).isEmpty(), "a cut file must be left out, not drawn");
    }
}
