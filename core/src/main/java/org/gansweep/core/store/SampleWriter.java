package org.gansweep.core.store;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Saves an evaluation's samples: 2-D points as {@code samples/step_NNNNNN.csv} (x,y per line), images
 * (N, C, H, W in [-1, 1]) as a grid of the first 64 in {@code samples/step_NNNNNN.png}.
 */
public final class SampleWriter {
    private SampleWriter() {}

    public static String fileName(int step, String extension) {
        return String.format(Locale.ROOT, "step_%06d.%s", step, extension);
    }

    public static void write(NDArray samples, Path dir, int step) throws IOException {
        Shape shape = samples.getShape();
        if (shape.dimension() == 2 && shape.get(1) == 2) {
            float[] xy = samples.toFloatArray();
            StringBuilder sb = new StringBuilder(xy.length * 12).append("x,y\n");
            for (int i = 0; i < xy.length; i += 2) {
                sb.append(xy[i]).append(',').append(xy[i + 1]).append('\n');
            }
            AtomicFiles.write(dir.resolve(fileName(step, "csv")), sb.toString());
        } else if (shape.dimension() == 4 && (shape.get(1) == 1 || shape.get(1) == 3)) {
            int n = (int) Math.min(64, shape.get(0));
            float[] px = samples.get("0:" + n).toFloatArray();
            BufferedImage grid = grid(px, n, (int) shape.get(1), (int) shape.get(2), (int) shape.get(3), 8);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ImageIO.write(grid, "png", out);
            AtomicFiles.write(dir.resolve(fileName(step, "png")), out.toByteArray());
        }
    }

    /** Lays out n images (C x H x W floats in [-1, 1]) in rows of {@code columns}, with a 2-pixel gap. */
    public static BufferedImage grid(float[] px, int n, int c, int h, int w, int columns) {
        int cols = Math.min(columns, n);
        int rows = (n + cols - 1) / cols;
        int gap = 2;
        BufferedImage img = new BufferedImage(cols * (w + gap) + gap, rows * (h + gap) + gap, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
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
