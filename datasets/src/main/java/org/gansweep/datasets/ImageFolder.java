package org.gansweep.datasets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Plugin;
import org.gansweep.core.plugin.RealSampler;

/**
 * A folder of PNG or JPEG images (searched recursively; an LSUN category exported to files, say), each
 * centre-cropped to a square and resized to {@code size}. Only the file list is held in memory: images are
 * decoded batch by batch, so a folder of any size streams.
 */
public final class ImageFolder implements DatasetAdapter {
    static final String HOW_TO_GET = "set dataset.path to a folder of .png or .jpg images (for LSUN, export a category's LMDB to image files first)";

    /**
     * @param path the folder
     * @param size side of the square images after crop and resize (the paper's LSUN nets use 112)
     * @param channels 3 (RGB) or 1 (grey)
     * @param limit use only the first this many files (in sorted order)
     */
    public record Params(String path, Integer size, Integer channels, Integer limit) {
        public Params {
            size = size == null ? 64 : size;
            channels = channels == null ? 3 : channels;
        }
    }

    static List<Path> list(Params p) {
        if (p.path() == null) {
            throw new FieldError("path", "is required; " + HOW_TO_GET);
        }
        Path dir = Path.of(p.path());
        if (!Files.isDirectory(dir)) {
            throw new FieldError("path", dir + " does not exist or is not a folder; " + HOW_TO_GET);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(f -> {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
            }).sorted().toList();
        } catch (IOException e) {
            throw new FieldError("path", "cannot list " + dir + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new FieldError("path", dir + " holds no .png or .jpg images; " + HOW_TO_GET);
        }
        return p.limit() != null && p.limit() < files.size() ? files.subList(0, p.limit()) : files;
    }

    /** Decodes, centre-crops, resizes; pixels in [-1, 1] written to out[offset...] as C x H x W. */
    static void load(Path file, int size, int channels, float[] out, int offset) {
        BufferedImage src;
        try {
            src = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read image " + file + ": " + e.getMessage());
        }
        if (src == null) {
            throw new IllegalStateException(file + " is not a readable PNG or JPEG image (corrupt?); remove it or fix it");
        }
        int side = Math.min(src.getWidth(), src.getHeight());
        int x0 = (src.getWidth() - side) / 2;
        int y0 = (src.getHeight() - side) / 2;
        BufferedImage dst = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, size, size, x0, y0, x0 + side, y0 + side, null);
        g.dispose();
        int plane = size * size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = dst.getRGB(x, y);
                int r = (rgb >> 16) & 255;
                int gr = (rgb >> 8) & 255;
                int b = rgb & 255;
                int i = y * size + x;
                if (channels == 1) {
                    out[offset + i] = (0.299f * r + 0.587f * gr + 0.114f * b) / 127.5f - 1f;
                } else {
                    out[offset + i] = r / 127.5f - 1f;
                    out[offset + plane + i] = gr / 127.5f - 1f;
                    out[offset + 2 * plane + i] = b / 127.5f - 1f;
                }
            }
        }
    }

    private final Params p;

    public ImageFolder(Params p) {
        this.p = p;
    }

    @Override
    public Shape sampleShape() {
        return new Shape(p.channels(), p.size(), p.size());
    }

    @Override
    public RealSampler open(long seed) {
        List<Path> files = list(p);
        int size = p.channels() * p.size() * p.size();
        return new ImageSet.Shuffled(files.size(), seed) {
            @Override
            public NDArray next(NDManager manager, int batch) {
                float[] out = new float[batch * size];
                for (int b = 0; b < batch; b++) {
                    load(files.get(nextIndex()), p.size(), p.channels(), out, b * size);
                }
                return manager.create(out, new Shape(batch, p.channels(), p.size(), p.size()));
            }
        };
    }

    /** Registered as {@code image-folder}. */
    public static final class Factory extends Plugin<Params, DatasetAdapter> {
        public Factory() {
            super(Params.class, "PNG/JPEG images under a folder, centre-cropped and resized, streamed (path, size, channels, limit)");
        }

        @Override
        public void check(Params p) {
            FieldError.require(p.size() >= 4 && p.size() <= 1024, "size", "must be between 4 and 1024 pixels, got " + p.size());
            FieldError.require(p.channels() == 1 || p.channels() == 3, "channels", "must be 1 (grey) or 3 (RGB), got " + p.channels());
            FieldError.require(p.limit() == null || p.limit() > 0, "limit", "must be a positive number of images, got " + p.limit());
            List<Path> files = list(p);
            try {
                load(files.get(0), p.size(), p.channels(), new float[p.channels() * p.size() * p.size()], 0);
            } catch (IllegalStateException e) {
                throw new FieldError("path", e.getMessage());
            }
        }

        @Override
        protected DatasetAdapter build(Params p) {
            return new ImageFolder(p);
        }
    }
}
