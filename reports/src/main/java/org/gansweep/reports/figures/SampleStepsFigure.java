package org.gansweep.reports.figures;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.gansweep.reports.Csv;
import org.gansweep.reports.Drawing;
import org.gansweep.reports.ExperimentResults;
import org.gansweep.reports.Figure;
import org.gansweep.reports.Palette;
import org.gansweep.reports.Panels;
import org.gansweep.reports.TrialResult;

/**
 * Sample grids by training step: one row per setting (its lowest seed), up to {@link #COLUMNS} evaluations
 * from the first to the last, evenly spread. Shows how quickly each setting learns and whether it collapses.
 */
public final class SampleStepsFigure implements Figure {
    static final int COLUMNS = 6;
    static final int CELL = 210;
    static final int ROW_LABEL = 170;

    @Override
    public String summary() {
        return "sample grids by training step, one row per setting (image data)";
    }

    /** Up to {@code n} of {@code steps}, evenly spread, always the first and the last. */
    static List<Integer> spread(List<Integer> steps, int n) {
        if (steps.size() <= n) {
            return steps;
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int at = (int) Math.round(i * (steps.size() - 1) / (double) (n - 1));
            out.add(steps.get(at));
        }
        return out;
    }

    /** One setting's row: its name and the images (null where unreadable) with their captions. */
    private record Row(String name, List<BufferedImage> images, List<String> captions) {}

    @Override
    public Optional<Drawing> draw(ExperimentResults results) {
        List<Row> rows = new ArrayList<>();
        Csv csv = new Csv("row", "column", "setting", "seed", "step", "file");
        for (List<TrialResult> seeds : results.bySetting().values()) {
            TrialResult first = TrialResult.lowestSeedWithImages(seeds);
            if (first != null) {
                rows.add(row(first, rows.size() + 1, csv));
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        int columns = rows.stream().mapToInt(r -> r.images().size()).max().orElse(1);
        int width = ROW_LABEL + columns * CELL;
        int height = rows.size() * (CELL + 18) + 10;
        return Optional.of(new Drawing("Samples by training step",
                "Each setting's sample grid (the first 64 of a fixed set of noise vectors, and for a conditional G fixed"
                        + " classes, one per row) at up to " + COLUMNS + " evaluations from the first to the last, lowest seed.",
                width, height, g -> paint(g, width, height, rows)).withData(csv.toString()));
    }

    /** The trial's sample grids at up to {@link #COLUMNS} steps spread from first to last, as figure row {@code number}. */
    private static Row row(TrialResult first, int number, Csv csv) {
        Map<Integer, Path> all = first.samples("png");
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int step : spread(new ArrayList<>(all.keySet()), COLUMNS)) {
            csv.row(number, images.size() + 1, first.settingName(), first.trial().seed(), step, first.relative(all.get(step)));
            try {
                images.add(ImageIO.read(all.get(step).toFile()));
                captions.add("step " + step);
            } catch (IOException e) {
                images.add(null);
                captions.add("step " + step + ": unreadable");
            }
        }
        return new Row(first.settingName() + " (seed " + first.trial().seed() + ")", images, captions);
    }

    private static void paint(Graphics2D g, int width, int height, List<Row> rows) {
        Panels.prepare(g, width, height);
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            int y = 5 + r * (CELL + 18);
            g.setColor(Color.BLACK);
            g.setFont(Palette.LABEL);
            g.drawString(row.name(), 8, y + CELL / 2);
            for (int c = 0; c < row.images().size(); c++) {
                int x = ROW_LABEL + c * CELL;
                BufferedImage img = row.images().get(c);
                if (img != null) {
                    Panels.fitted(g, img, x, y, CELL, 10.0);
                }
                g.setFont(Palette.SMALL);
                g.setColor(Color.DARK_GRAY);
                FontMetrics fm = g.getFontMetrics();
                String cap = row.captions().get(c);
                g.drawString(cap, x + (CELL - fm.stringWidth(cap)) / 2, y + CELL + 10);
            }
        }
    }
}
