package org.gansweep.datasets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.gansweep.core.plugin.FieldError;

/**
 * The IDX format of MNIST and Fashion-MNIST: a big-endian header (magic 2051 for images, with count,
 * rows and columns; 2049 for labels, with count), then one unsigned byte per pixel or label.
 */
final class IdxImages {
    static final int IMAGES_MAGIC = 2051;
    static final int LABELS_MAGIC = 2049;

    private IdxImages() {}

    static ImageSet read(Path images, Path labels, String howToGet) {
        try {
            byte[] img = DataFiles.readAll(images);
            ByteBuffer h = ByteBuffer.wrap(img);
            if (img.length < 16 || h.getInt(0) != IMAGES_MAGIC) {
                throw new FieldError("path", images + " is not an IDX image file (magic " + (img.length < 4 ? "missing" : h.getInt(0)) + ", expected " + IMAGES_MAGIC + "); " + howToGet);
            }
            int n = h.getInt(4);
            int rows = h.getInt(8);
            int cols = h.getInt(12);
            long expected = 16L + (long) n * rows * cols;
            if (n <= 0 || rows <= 0 || cols <= 0 || img.length != expected) {
                throw new FieldError("path", images + " is truncated or corrupt: its header promises " + n + " images of " + rows + "x" + cols
                        + " (" + expected + " bytes) but it holds " + img.length + "; " + howToGet);
            }
            byte[] pixels = Arrays.copyOfRange(img, 16, img.length);
            int[] lab = null;
            if (labels != null) {
                byte[] l = DataFiles.readAll(labels);
                ByteBuffer lh = ByteBuffer.wrap(l);
                if (l.length < 8 || lh.getInt(0) != LABELS_MAGIC || lh.getInt(4) != n || l.length != 8 + n) {
                    throw new FieldError("path", labels + " is not an IDX label file for " + n + " images; " + howToGet);
                }
                lab = new int[n];
                for (int i = 0; i < n; i++) {
                    lab[i] = l[8 + i] & 0xff;
                }
            }
            return new ImageSet(pixels, lab, n, 1, rows, cols);
        } catch (IOException e) {
            throw new FieldError("path", "cannot read " + images + ": " + e.getMessage() + "; " + howToGet);
        }
    }
}
