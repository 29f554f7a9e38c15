package org.gansweep.reports.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The paper's Figure 6 layout: generated images at the last step, one row per loss (or the first axis),
 * one column per remaining setting (the batch-norm / optimiser ablations), lowest seed of each cell.
 */
public final class SampleMatrixFigure implements Figure {
    static final int CELL = 300;
    static final int HEADER = 48;
    static final int ROW_LABEL = 150;

    @Override
    public String summary() {
        return "the paper's Figure 6 layout: final sample grids, rows = loss, columns = the other settings (image data)";
    }

    /** The figure's cells: one trial (the lowest seed) per row and column, rows and columns in first-seen order. */
    private record Matrix(List<String> rows, List<String> columns, Map<String, Map<String, TrialResult>> cells) {
        TrialResult at(String row, String column) {
            return cells.get(row).get(column);
        }
    }

    /** What each cell shows: its image (absent when unreadable) and the line under it. */
    private record Cell(BufferedImage image, String caption) {}

    @Override
    public Optional<Drawing> draw(ExperimentResults results) {
        Matrix matrix = matrix(results);
        if (matrix.cells().isEmpty()) {
            return Optional.empty();
        }
        Csv csv = new Csv("row", "column", "setting", "seed", "status", "step", "file");
        Map<String, Cell> cells = cells(matrix, csv);
        int width = ROW_LABEL + matrix.columns().size() * CELL;
        int height = HEADER + matrix.rows().size() * (CELL + 20);
        // With one column there is no ablation to lay out: it is just the final samples per row.
        String title = matrix.columns().size() > 1 ? "Generated samples by setting (the paper's Figure 6 layout)"
                : "Final generated samples by " + rowAxisName(results);
        return Optional.of(new Drawing(title,
                "The last sample grid of each setting's lowest seed (64 images from a fixed set of noise vectors). Rows are losses,"
                        + " columns the other settings; a collapsed or failed setting shows as a column of near-identical or noisy images.",
                width, height, g -> paint(g, width, height, matrix, cells)).withData(csv.toString()));
    }

    /** Rows by the loss (or the first axis), columns by the other settings, the lowest seed with images in each cell. */
    private static Matrix matrix(ExperimentResults results) {
        Map<String, Map<String, TrialResult>> cells = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        for (TrialResult t : results.trials()) {
            if (t.samples("png").isEmpty()) {
                continue;
            }
            Map<String, String> setting = t.trial().setting();
            String rowAxis = rowAxis(setting, "");
            String row = setting.getOrDefault(rowAxis, "default");
            String col = column(setting, rowAxis);
            if (!columns.contains(col)) {
                columns.add(col);
            }
            Map<String, TrialResult> inRow = cells.computeIfAbsent(row, k -> new LinkedHashMap<>());
            TrialResult prev = inRow.get(col);
            if (prev == null || t.trial().seed() < prev.trial().seed()) {
                inRow.put(col, t);
            }
        }
        return new Matrix(new ArrayList<>(cells.keySet()), columns, cells);
    }

    private static String rowAxis(Map<String, String> setting, String none) {
        return setting.containsKey("loss") ? "loss" : setting.keySet().stream().findFirst().orElse(none);
    }

    /** The column of a setting: its values on every axis but the rows'. */
    private static String column(Map<String, String> setting, String rowAxis) {
        List<String> rest = new ArrayList<>();
        setting.forEach((k, v) -> {
            if (!k.equals(rowAxis)) {
                rest.add(v);
            }
        });
        return rest.isEmpty() ? "final samples" : String.join(", ", rest);
    }

    /** Each filled cell's last sample grid and caption, keyed "row|column"; one CSV row per cell. */
    private static Map<String, Cell> cells(Matrix matrix, Csv csv) {
        Map<String, Cell> out = new LinkedHashMap<>();
        for (String r : matrix.rows()) {
            for (String c : matrix.columns()) {
                TrialResult t = matrix.at(r, c);
                if (t == null) {
                    continue;
                }
                Map.Entry<Integer, Path> last = t.lastSample("png");
                csv.row(r, c, t.settingName(), t.trial().seed(), t.status(), last.getKey(), t.relative(last.getValue()));
                try {
                    out.put(r + "|" + c, new Cell(ImageIO.read(last.getValue().toFile()),
                            "step " + last.getKey() + ", seed " + t.trial().seed() + ", " + t.status()));
                } catch (IOException e) {
                    out.put(r + "|" + c, new Cell(null, "unreadable: " + last.getValue().getFileName()));
                }
            }
        }
        return out;
    }

    private static void paint(Graphics2D g, int width, int height, Matrix matrix, Map<String, Cell> cells) {
        Panels.prepare(g, width, height);
        g.setColor(Color.BLACK);
        g.setFont(Palette.TITLE);
        List<String> columns = matrix.columns();
        for (int c = 0; c < columns.size(); c++) {
            Panels.centred(g, columns.get(c), ROW_LABEL + c * CELL + CELL / 2, HEADER - 16);
        }
        for (int r = 0; r < matrix.rows().size(); r++) {
            int y = HEADER + r * (CELL + 20);
            g.setFont(Palette.TITLE);
            g.setColor(Color.BLACK);
            g.drawString(matrix.rows().get(r), 10, y + CELL / 2);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = cells.get(matrix.rows().get(r) + "|" + columns.get(c));
                if (cell != null) {
                    paintCell(g, cell, ROW_LABEL + c * CELL, y);
                }
            }
        }
    }

    private static void paintCell(Graphics2D g, Cell cell, int x, int y) {
        BufferedImage img = cell.image();
        if (img != null) {
            Panels.fitted(g, img, x, y, CELL, 12.0);
        }
        g.setFont(Palette.SMALL);
        g.setColor(Color.DARK_GRAY);
        Panels.centred(g, cell.caption(), x + CELL / 2, y + CELL + 10);
    }

    private static String rowAxisName(ExperimentResults results) {
        for (TrialResult t : results.trials()) {
            return rowAxis(t.trial().setting(), "setting");
        }
        return "setting";
    }
}
