package org.gansweep.core.store;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.gansweep.core.train.SampleGrid;

/**
 * Saves an evaluation's samples: 2-D points as {@code samples/step_NNNNNN.csv} (x,y per line), images
 * (N, C, H, W in [-1, 1]) as a grid of the first 64 in {@code samples/step_NNNNNN.png}, 8 per row. For a
 * conditional G, {@code samples/grid_labels.csv} says the class of every tile (the same at every step).
 */
public final class SampleWriter {
    public static final String GRID_LABELS = "grid_labels.csv";
    public static final int GRID_COLUMNS = SampleGrid.COLUMNS;
    static final int GAP = 2;
    static final int GRID_TILES = SampleGrid.TILES;

    private SampleWriter() {}

    /** Writes {@code tile,label,name} for the tiles of the sample grids. */
    public static void writeLabels(int[] labels, List<String> names, Path dir) throws IOException {
        StringBuilder sb = new StringBuilder(CsvRows.format("tile", "label", "name"));
        for (int i = 0; i < Math.min(GRID_TILES, labels.length); i++) {
            String name = labels[i] < names.size() ? names.get(labels[i]) : Integer.toString(labels[i]);
            // Commas and line breaks in a class name become spaces, as the file has always had them: never quoted.
            sb.append(CsvRows.format(Integer.toString(i), Integer.toString(labels[i]), name.replace(",", " ").replace("\n", " ")));
        }
        AtomicFiles.write(dir.resolve(GRID_LABELS), sb.toString());
    }

    /** One tile of a grid: its label and class name. */
    public record TileLabel(int tile, int label, String name) {}

    /** Reads {@link #GRID_LABELS}; empty when the file is missing (an unconditional G). */
    public static List<TileLabel> readLabels(Path dir) throws IOException {
        Path f = dir.resolve(GRID_LABELS);
        List<TileLabel> out = new ArrayList<>();
        if (!Files.exists(f)) {
            return out;
        }
        List<String[]> rows = CsvRows.read(f);
        for (String[] c : rows.subList(Math.min(1, rows.size()), rows.size())) {
            if (c.length == 3) {
                out.add(new TileLabel(Integer.parseInt(c[0]), Integer.parseInt(c[1]), c[2]));
            }
        }
        return out;
    }

    /** Tile {@code k} (h x w pixels) of a grid that {@link #grid} drew. */
    public static BufferedImage tile(BufferedImage grid, int k, int h, int w) {
        int ox = GAP + (k % GRID_COLUMNS) * (w + GAP);
        int oy = GAP + (k / GRID_COLUMNS) * (h + GAP);
        return grid.getSubimage(ox, oy, w, h);
    }

    public static String fileName(int step, String extension) {
        return String.format(Locale.ROOT, "step_%06d.%s", step, extension);
    }

    public static void write(NDArray samples, Path dir, int step) throws IOException {
        Shape shape = samples.getShape();
        if (shape.dimension() == 2 && shape.get(1) == 2) {
            float[] xy = samples.toFloatArray();
            StringBuilder sb = new StringBuilder(xy.length * 12).append(CsvRows.format("x", "y"));
            for (int i = 0; i < xy.length; i += 2) {
                sb.append(CsvRows.format(Float.toString(xy[i]), Float.toString(xy[i + 1])));
            }
            AtomicFiles.write(dir.resolve(fileName(step, "csv")), sb.toString());
        } else if (shape.dimension() == 4 && (shape.get(1) == 1 || shape.get(1) == 3)) {
            int n = (int) Math.min(GRID_TILES, shape.get(0));
            float[] px = samples.get("0:" + n).toFloatArray();
            BufferedImage grid = grid(px, n, (int) shape.get(1), (int) shape.get(2), (int) shape.get(3), GRID_COLUMNS);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(grid, "png", out);
            AtomicFiles.write(dir.resolve(fileName(step, "png")), out.toByteArray());
        }
    }

    /** Lays out n images (C x H x W floats in [-1, 1]) in rows of {@code columns}, with a 2-pixel gap. */
    public static BufferedImage grid(float[] px, int n, int c, int h, int w, int columns) {
        int cols = Math.min(columns, n);
        int rows = (n + cols - 1) / cols;
        int gap = GAP;
        BufferedImage img = new BufferedImage(cols * (w + gap) + gap, rows * (h + gap) + gap, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
        int plane = h * w;
        for (int k = 0; k < n; k++) {
            int ox = gap + (k % cols) * (w + gap);
            int oy = gap + (k / cols) * (h + gap);
            int base = k * c * plane;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    int r = level(px[base + i]);
                    int gr = c == 3 ? level(px[base + plane + i]) : r;
                    int b = c == 3 ? level(px[base + 2 * plane + i]) : r;
                    img.setRGB(ox + x, oy + y, (r << 16) | (gr << 8) | b);
                }
            }
        }
        return img;
    }

    private static int level(float v) {
        if (!Float.isFinite(v)) {
            return 0;
        }
        return Math.max(0, Math.min(255, Math.round((v + 1) * 127.5f)));
    }
}
