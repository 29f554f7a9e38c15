package org.gansweep.reports.figures;

import java.awt.Color;
import java.awt.FontMetrics;
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

    @Override
    public Optional<Drawing> draw(ExperimentResults results) {
        Map<String, Map<String, TrialResult>> cells = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        for (TrialResult t : results.trials()) {
            if (t.samples("png").isEmpty()) {
                continue;
            }
            Map<String, String> setting = t.trial().setting();
            String rowAxis = setting.containsKey("loss") ? "loss" : setting.keySet().stream().findFirst().orElse("");
            String row = setting.getOrDefault(rowAxis, "default");
            List<String> rest = new ArrayList<>();
            setting.forEach((k, v) -> {
                if (!k.equals(rowAxis)) {
                    rest.add(v);
                }
            });
            String col = rest.isEmpty() ? "final samples" : String.join(", ", rest);
            if (!columns.contains(col)) {
                columns.add(col);
            }
            Map<String, TrialResult> row0 = cells.computeIfAbsent(row, k -> new LinkedHashMap<>());
            TrialResult prev = row0.get(col);
            if (prev == null || t.trial().seed() < prev.trial().seed()) {
                row0.put(col, t);
            }
        }
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        List<String> rows = new ArrayList<>(cells.keySet());
        int width = ROW_LABEL + columns.size() * CELL;
        int height = HEADER + rows.size() * (CELL + 20);
        Map<String, BufferedImage> images = new LinkedHashMap<>();
        Map<String, String> captions = new LinkedHashMap<>();
        Csv csv = new Csv("row", "column", "setting", "seed", "status", "step", "file");
        for (String r : rows) {
            for (String c : columns) {
                TrialResult t = cells.get(r).get(c);
                if (t == null) {
                    continue;
                }
                Map.Entry<Integer, Path> last = null;
                for (Map.Entry<Integer, Path> e : t.samples("png").entrySet()) {
                    last = e;
                }
                csv.row(r, c, t.settingName(), t.trial().seed(), t.status(), last.getKey(), t.relative(last.getValue()));
                try {
                    images.put(r + "|" + c, ImageIO.read(last.getValue().toFile()));
                    captions.put(r + "|" + c, "step " + last.getKey() + ", seed " + t.trial().seed() + ", " + t.status());
                } catch (IOException e) {
                    captions.put(r + "|" + c, "unreadable: " + last.getValue().getFileName());
                }
            }
        }
        // With one column there is no ablation to lay out: it is just the final samples per row.
        String title = columns.size() > 1 ? "Generated samples by setting (the paper's Figure 6 layout)" : "Final generated samples by " + rowAxisName(results);
        return Optional.of(new Drawing(title,
                "The last sample grid of each setting's lowest seed (64 images from a fixed set of noise vectors). Rows are losses,"
                        + " columns the other settings; a collapsed or failed setting shows as a column of near-identical or noisy images.",
                width, height, g -> {
                    Panels.prepare(g, width, height);
                    g.setColor(Color.BLACK);
                    g.setFont(Palette.TITLE);
                    for (int c = 0; c < columns.size(); c++) {
                        drawCentred(g, columns.get(c), ROW_LABEL + c * CELL + CELL / 2, HEADER - 16);
                    }
                    for (int r = 0; r < rows.size(); r++) {
                        int y = HEADER + r * (CELL + 20);
                        g.setFont(Palette.TITLE);
                        g.setColor(Color.BLACK);
                        g.drawString(rows.get(r), 10, y + CELL / 2);
                        for (int c = 0; c < columns.size(); c++) {
                            String key = rows.get(r) + "|" + columns.get(c);
                            BufferedImage img = images.get(key);
                            int x = ROW_LABEL + c * CELL;
                            if (img != null) {
                                double scale = Math.min((CELL - 12.0) / img.getWidth(), (CELL - 12.0) / img.getHeight());
                                int w = (int) (img.getWidth() * scale);
                                int h = (int) (img.getHeight() * scale);
                                g.drawImage(img, x + (CELL - w) / 2, y + (CELL - h) / 2, w, h, null);
                            }
                            if (captions.containsKey(key)) {
                                g.setFont(Palette.SMALL);
                                g.setColor(Color.DARK_GRAY);
                                drawCentred(g, captions.get(key), x + CELL / 2, y + CELL + 10);
                            }
                        }
                    }
                }).withData(csv.toString()));
    }

    private static String rowAxisName(ExperimentResults results) {
        for (TrialResult t : results.trials()) {
            Map<String, String> setting = t.trial().setting();
            return setting.containsKey("loss") ? "loss" : setting.keySet().stream().findFirst().orElse("setting");
        }
        return "setting";
    }

    private static void drawCentred(java.awt.Graphics2D g, String s, int cx, int y) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, cx - fm.stringWidth(s) / 2, y);
    }
}
