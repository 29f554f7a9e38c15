package org.gansweep.reports.figures;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.RasterFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.gansweep.core.metrics.MetricNames;
import org.gansweep.core.plugin.LabeledData;
import org.gansweep.core.store.SampleWriter;
import org.gansweep.core.store.TrialFolder;
import org.gansweep.reports.Csv;
import org.gansweep.reports.Drawing;
import org.gansweep.reports.ExperimentResults;
import org.gansweep.reports.Figure;
import org.gansweep.reports.Palette;
import org.gansweep.reports.Panels;
import org.gansweep.reports.TrialResult;

/**
 * The paper's Figure 8 layout for class-conditional G: one row per class (8 classes spread over the
 * labels, named by their character), held-out real samples of the class first, then each setting's
 * generated samples asked for that class (the last evaluation of the setting's lowest seed).
 */
public final class ClassSamplesFigure implements Figure {
    static final int PER_ROW = SampleWriter.GRID_COLUMNS;
    static final int GAP = 2;
    static final int LABEL = 90;
    static final int HEADER = 56;
    static final int SEPARATOR = 16;

    @Override
    public String summary() {
        return "the paper's Figure 8 layout: per class, real samples beside each setting's generated ones (conditional G)";
    }

    /** A row of the figure: a class and its sample strips. */
    private record Row(int label, String name, BufferedImage real, List<BufferedImage> generated) {}

    /** A setting shown: its lowest seed with images, and the class asked for at each tile of its grids. */
    private record Shown(TrialResult trial, List<SampleWriter.TileLabel> tiles) {}

    /** A setting's column: its last sample grid (null when unreadable) and its two-line header ("name|detail"). */
    private record Column(BufferedImage grid, String header) {}

    /** Sizes of the figure, from the sample shape and the number of rows and columns. */
    private record Layout(double scale, int stripW, int stripH, int columns, int width, int height) {
        static Layout of(int h, int w, int settings, int rows) {
            double scale = Math.max(1, 48.0 / Math.max(h, w));
            int stripW = (int) Math.round((PER_ROW * (w + GAP) + GAP) * scale);
            int stripH = (int) Math.round((h + 2 * GAP) * scale);
            int columns = 1 + settings;
            return new Layout(scale, stripW, stripH, columns, LABEL + columns * (stripW + SEPARATOR), HEADER + rows * (stripH + 6) + 10);
        }
    }

    @Override
    public Optional<Drawing> draw(ExperimentResults results) {
        List<Shown> shown = shown(results);
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        var shape = shown.get(0).trial().dataset().sampleShape();
        int c = (int) shape.get(0);
        int h = (int) shape.get(1);
        int w = (int) shape.get(2);
        // Rows: the class of the first tile of each grid row (the loop asks one class per row).
        Map<Integer, String> classes = new LinkedHashMap<>();
        for (SampleWriter.TileLabel t : shown.get(0).tiles()) {
            if (t.tile() % PER_ROW == 0) {
                classes.putIfAbsent(t.label(), t.name());
            }
        }
        Map<Integer, BufferedImage> real = realStrips(shown.get(0).trial(), classes.keySet(), c, h, w);
        List<String> notes = new ArrayList<>();
        // The real strips come from the held-out data set, not from a file: the CSV names the generated grids shown.
        Csv csv = new Csv("column", "setting", "seed", "step", "file", "labels_file");
        List<Column> columns = columns(shown, csv, notes);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Integer, String> cls : classes.entrySet()) {
            List<BufferedImage> gen = new ArrayList<>();
            for (int s = 0; s < shown.size(); s++) {
                BufferedImage grid = columns.get(s).grid();
                gen.add(grid == null ? null : generatedStrip(grid, shown.get(s).tiles(), cls.getKey(), h, w));
            }
            rows.add(new Row(cls.getKey(), cls.getValue(), real.get(cls.getKey()), gen));
        }
        Layout layout = Layout.of(h, w, shown.size(), rows.size());
        StringBuilder all = new StringBuilder();
        rows.forEach(r -> all.append(r.name()));
        Font big = Palette.fontFor(all.toString(), Font.PLAIN, Math.min(40, layout.stripH() - 8));
        String caption = "Rows are classes spread over the label range, named by the dataset. The first column shows held-out real"
                + " samples of the class; each further column one setting's generated samples asked for that class (its last"
                + " evaluation, lowest seed, fixed noise), with the share the evaluation classifier reads as the asked-for class."
                + (real.isEmpty() ? " The real samples could not be read: " + results.notes() : "")
                + (notes.isEmpty() ? "" : " " + String.join("; ", notes));
        List<String> headers = new ArrayList<>();
        headers.add("real (held out)|");
        columns.forEach(col -> headers.add(col.header()));
        return Optional.of(new Drawing("Real and generated samples per class (the paper's Figure 8 layout)", caption,
                layout.width(), layout.height(), g -> paint(g, layout, big, headers, rows)).withData(csv.toString()));
    }

    /** Each setting's lowest seed with images whose grids have class labels (conditional trials). */
    private static List<Shown> shown(ExperimentResults results) {
        List<Shown> shown = new ArrayList<>();
        for (List<TrialResult> seeds : results.bySetting().values()) {
            TrialResult first = TrialResult.lowestSeedWithImages(seeds);
            if (first == null) {
                continue;
            }
            try {
                List<SampleWriter.TileLabel> labels = SampleWriter.readLabels(first.dir().resolve(TrialFolder.SAMPLES));
                if (!labels.isEmpty()) {
                    shown.add(new Shown(first, labels));
                }
            } catch (IOException | RuntimeException e) {
                // not a conditional trial, or an unreadable labels file: left out
            }
        }
        return shown;
    }

    /** Each shown setting's last grid and header; one CSV row each, unreadable grids noted. */
    private static List<Column> columns(List<Shown> shown, Csv csv, List<String> notes) {
        List<Column> columns = new ArrayList<>();
        for (Shown s : shown) {
            TrialResult t = s.trial();
            Map.Entry<Integer, Path> last = t.lastSample("png");
            csv.row(columns.size() + 2, t.settingName(), t.trial().seed(), last.getKey(), t.relative(last.getValue()),
                    t.relative(t.dir().resolve(TrialFolder.SAMPLES).resolve(SampleWriter.GRID_LABELS)));
            BufferedImage grid = null;
            try {
                grid = ImageIO.read(last.getValue().toFile());
            } catch (IOException e) {
                notes.add(t.settingName() + ": unreadable " + last.getValue().getFileName());
            }
            Double acc = t.summary() == null ? null : t.summary().metrics().get(MetricNames.CONDITIONAL_ACCURACY);
            columns.add(new Column(grid, t.settingName() + "|step " + last.getKey()
                    + (acc == null ? "" : String.format(Locale.ROOT, ", accuracy %.1f %%", 100 * acc))));
        }
        return columns;
    }

    private static void paint(Graphics2D g, Layout layout, Font big, List<String> headers, List<Row> rows) {
        Panels.prepare(g, layout.width(), layout.height());
        g.setColor(Color.BLACK);
        for (int col = 0; col < layout.columns(); col++) {
            String[] parts = headers.get(col).split("\\|", 2);
            int cx = LABEL + col * (layout.stripW() + SEPARATOR) + layout.stripW() / 2;
            g.setFont(Palette.TITLE);
            Panels.centred(g, parts[0], cx, 22);
            g.setFont(Palette.SMALL);
            Panels.centred(g, parts[1], cx, 40);
        }
        for (int r = 0; r < rows.size(); r++) {
            paintRow(g, layout, big, rows.get(r), HEADER + r * (layout.stripH() + 6));
        }
    }

    private static void paintRow(Graphics2D g, Layout layout, Font big, Row row, int y) {
        int stripH = layout.stripH();
        g.setColor(Color.BLACK);
        g.setFont(big);
        g.drawString(row.name(), 10, y + stripH - 10);
        g.setFont(Palette.SMALL);
        g.drawString("#" + row.label(), 10 + g.getFontMetrics(big).stringWidth(row.name()) + 6, y + stripH - 10);
        List<BufferedImage> strips = new ArrayList<>();
        strips.add(row.real());
        strips.addAll(row.generated());
        for (int col = 0; col < strips.size(); col++) {
            int x = LABEL + col * (layout.stripW() + SEPARATOR);
            BufferedImage s = strips.get(col);
            if (s != null) {
                double scale = layout.scale();
                g.drawImage(s, x, y, (int) Math.round(s.getWidth() * scale), (int) Math.round(s.getHeight() * scale), null);
            } else {
                g.setColor(Color.GRAY);
                g.setFont(Palette.SMALL);
                g.drawString("not available", x + 8, y + stripH / 2);
            }
        }
    }

    /** Up to 8 held-out real samples of each class, as one strip per class (empty when the data cannot be read). */
    static Map<Integer, BufferedImage> realStrips(TrialResult t, Set<Integer> classes, int c, int h, int w) {
        Map<Integer, List<float[]>> found = new LinkedHashMap<>();
        classes.forEach(k -> found.put(k, new ArrayList<>()));
        try {
            Optional<LabeledData> data = t.dataset().labeled(false);
            if (data.isEmpty()) {
                return Map.of();
            }
            LabeledData d = data.get();
            int size = c * h * w;
            int chunk = 512;
            float[] px = new float[chunk * size];
            int[] labels = new int[chunk];
            for (int from = 0; from < d.size(); from += chunk) {
                int to = Math.min(d.size(), from + chunk);
                d.copy(from, to, px, labels);
                for (int i = 0; i < to - from; i++) {
                    List<float[]> l = found.get(labels[i]);
                    if (l != null && l.size() < PER_ROW) {
                        l.add(Arrays.copyOfRange(px, i * size, (i + 1) * size));
                    }
                }
                if (found.values().stream().allMatch(l -> l.size() == PER_ROW)) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            return Map.of();
        }
        Map<Integer, BufferedImage> out = new LinkedHashMap<>();
        found.forEach((k, list) -> {
            if (!list.isEmpty()) {
                float[] px = new float[list.size() * c * h * w];
                for (int i = 0; i < list.size(); i++) {
                    System.arraycopy(list.get(i), 0, px, i * c * h * w, c * h * w);
                }
                out.put(k, SampleWriter.grid(px, list.size(), c, h, w, PER_ROW));
            }
        });
        return out;
    }

    /** The tiles of {@code grid} that were asked for class {@code label}, as one strip. */
    static BufferedImage generatedStrip(BufferedImage grid, List<SampleWriter.TileLabel> tiles, int label, int h, int w) {
        List<BufferedImage> picked = new ArrayList<>();
        for (SampleWriter.TileLabel t : tiles) {
            if (t.label() == label && picked.size() < PER_ROW) {
                try {
                    picked.add(SampleWriter.tile(grid, t.tile(), h, w));
                } catch (RasterFormatException e) {
                    break; // a grid smaller than its labels say
                }
            }
        }
        if (picked.isEmpty()) {
            return null;
        }
        BufferedImage strip = new BufferedImage(picked.size() * (w + GAP) + GAP, h + 2 * GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = strip.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, strip.getWidth(), strip.getHeight());
        for (int i = 0; i < picked.size(); i++) {
            g.drawImage(picked.get(i), GAP + i * (w + GAP), GAP, null);
        }
        g.dispose();
        return strip;
    }
}
