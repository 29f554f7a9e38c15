package org.gansweep.datasets;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Plugin;

/**
 * CASIA HWDB1.x handwritten Chinese characters from {@code .gnt} files: each sample is a little-endian
 * 4-byte size, a 2-byte GB2312 tag code, 2-byte width and height, then width x height grey bytes (255 is
 * paper). Samples are padded to a square, resized to {@code size} and inverted, so ink is bright (+1) on a
 * dark (-1) ground; class ids follow the characters' GB2312 order.
 */
public final class HwdbGnt extends CharacterImages {
    static final String HOW_TO_GET = "download CASIA HWDB1.x (e.g. HWDB1.1trn_gnt), unpack the .gnt files into a folder and set dataset.path to it";
    static final Charset GB2312 = Charset.forName("GB2312");

    /**
     * @param path folder of .gnt files (searched recursively)
     * @param testPath folder of held-out .gnt files (for the evaluation classifier); without it every tenth sample is held out from the classifier's training
     * @param size side of the square images
     * @param classes use only the first this many characters in GB2312 order (the paper uses 3740)
     * @param limit use only the first this many samples
     */
    public record Params(String path, String testPath, Integer size, Integer classes, Integer limit) {
        public Params {
            size = size == null ? 64 : size;
        }
    }

    /** One decoded sample. */
    record Sample(char character, int width, int height, byte[] bitmap) {}

    /** What {@link #scan} hands over per sample: its character and its bitmap at {@code data[offset..]}. */
    interface Visitor {
        void sample(char character, int width, int height, byte[] data, int offset);
    }

    /** Walks the samples of one .gnt file without copying their bitmaps. */
    static void scan(Path file, Visitor visitor) throws IOException {
        byte[] all = DataFiles.readAll(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() > 0) {
            int start = b.position();
            if (b.remaining() < 10) {
                throw new IOException(file + ": truncated sample header at byte " + start);
            }
            long size = Integer.toUnsignedLong(b.getInt());
            byte[] tag = {b.get(), b.get()};
            int w = Short.toUnsignedInt(b.getShort());
            int h = Short.toUnsignedInt(b.getShort());
            if (size != 10L + (long) w * h || w == 0 || h == 0 || b.remaining() < w * h) {
                throw new IOException(file + ": corrupt sample at byte " + start + " (size " + size + ", " + w + "x" + h + ")");
            }
            String ch = new String(tag, GB2312);
            if (ch.length() != 1 || ch.charAt(0) == '\uFFFD') {
                throw new IOException(file + ": sample at byte " + start + " has tag code " + String.format("%02x%02x", tag[0], tag[1]) + ", not a GB2312 character");
            }
            visitor.sample(ch.charAt(0), w, h, all, b.position());
            b.position(b.position() + w * h);
        }
    }

    static List<Sample> read(Path file) throws IOException {
        List<Sample> out = new ArrayList<>();
        scan(file, (c, w, h, data, offset) -> out.add(new Sample(c, w, h, Arrays.copyOfRange(data, offset, offset + w * h))));
        return out;
    }

    static List<Path> files(String folder) {
        if (folder == null) {
            throw new FieldError("path", "is required; " + HOW_TO_GET);
        }
        Path dir = Path.of(folder);
        if (!Files.isDirectory(dir)) {
            throw new FieldError("path", dir + " does not exist or is not a folder; " + HOW_TO_GET);
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> gnt = walk.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gnt")).sorted().toList();
            if (gnt.isEmpty()) {
                throw new FieldError("path", dir + " holds no .gnt files; " + HOW_TO_GET);
            }
            return gnt;
        } catch (IOException e) {
            throw new FieldError("path", "cannot list " + dir + ": " + e.getMessage());
        }
    }

    /** Reads, orders classes by GB2312 code, pads, resizes and inverts into an ImageSet. */
    static ImageSet load(String folder, int size, Integer classes, Integer limit) {
        return load(folder, size, classes, null, limit);
    }

    /**
     * As above; with {@code fixed}, the classes are exactly those characters in that order (the training
     * split's, so a test split's labels mean the same characters), other characters are dropped.
     */
    static ImageSet load(String folder, int size, Integer classes, List<Character> fixed, Integer limit) {
        // Two passes over the files, so that only the resized images are ever held (HWDB1.0 alone has 1.6
        // million samples): the first finds the characters and counts, the second decodes what is kept.
        List<Path> files = files(folder);
        TreeMap<Integer, Character> byCode = new TreeMap<>();
        Map<Character, Integer> counts = new HashMap<>();
        each(files, (c, w, h, data, offset) -> {
            counts.merge(c, 1, Integer::sum);
            byte[] code = String.valueOf(c).getBytes(GB2312);
            byCode.put(((code[0] & 0xff) << 8) | (code[1] & 0xff), c);
        });
        List<Character> chars = fixed != null ? fixed : new ArrayList<>(byCode.values());
        if (fixed == null && classes != null && classes < chars.size()) {
            chars = chars.subList(0, classes);
        }
        Map<Character, Integer> id = new HashMap<>();
        long n = 0;
        for (int i = 0; i < chars.size(); i++) {
            id.put(chars.get(i), i);
            n += counts.getOrDefault(chars.get(i), 0);
        }
        if (limit != null && limit < n) {
            n = limit;
        }
        if (n * size * size > Integer.MAX_VALUE - 16) {
            throw new FieldError("limit", n + " images of " + size + "x" + size + " px do not fit in one array;"
                    + " set dataset.limit or dataset.classes, or a smaller dataset.size");
        }
        int count = (int) n;
        byte[] pixels = new byte[count * size * size];
        int[] labels = new int[count];
        int[] next = {0};
        each(files, (c, w, h, data, offset) -> {
            Integer label = id.get(c);
            if (label != null && next[0] < count) {
                labels[next[0]] = label;
                square(data, offset, w, h, size, pixels, next[0] * size * size);
                next[0]++;
            }
        });
        return new ImageSet(pixels, labels, count, 1, size, size).withClassNames(chars);
    }

    private static void each(List<Path> files, Visitor visitor) {
        for (Path f : files) {
            try {
                scan(f, visitor);
            } catch (IOException e) {
                throw new FieldError("path", e.getMessage() + "; " + HOW_TO_GET);
            }
        }
    }

    /** Pads the bitmap to a centred square of paper, resizes to size x size, inverts (ink bright). */
    static void square(byte[] bitmap, int at, int width, int height, int size, byte[] out, int offset) {
        int side = Math.max(width, height);
        BufferedImage src = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        var raster = src.getRaster();
        int ox = (side - width) / 2;
        int oy = (side - height) / 2;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int bx = x - ox;
                int by = y - oy;
                int v = bx >= 0 && by >= 0 && bx < width && by < height ? bitmap[at + by * width + bx] & 0xff : 255;
                raster.setSample(x, y, 0, v);
            }
        }
        BufferedImage dst = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, size, size, null);
        g.dispose();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                out[offset + y * size + x] = (byte) (255 - dst.getRaster().getSample(x, y, 0));
            }
        }
    }

    private final Params p;

    public HwdbGnt(Params p) {
        super(p.size());
        this.p = p;
    }

    @Override
    protected ImageSet loadData() {
        return load(p.path(), p.size(), p.classes(), p.limit());
    }

    @Override
    protected ImageSet loadSplit(boolean train, ImageSet data) {
        if (p.testPath() == null) {
            return data.everyTenth(!train);
        }
        return train ? data : load(p.testPath(), p.size(), null, data.classNames(), null);
    }

    @Override
    protected String identity(boolean train) {
        return Path.of(train ? p.path() : String.valueOf(p.testPath())).toAbsolutePath() + "#" + p.size();
    }

    /** Registered as {@code hwdb}. */
    public static final class Factory extends Plugin<Params, DatasetAdapter> {
        public Factory() {
            super(Params.class, "CASIA HWDB1.x .gnt handwritten Chinese characters (path, testPath, size, classes, limit)");
        }

        @Override
        public void check(Params p) {
            FieldError.require(p.size() >= 8 && p.size() <= 512, "size", "must be between 8 and 512, got " + p.size());
            FieldError.require(p.classes() == null || p.classes() > 0, "classes", "must be positive, got " + p.classes());
            FieldError.require(p.limit() == null || p.limit() > 0, "limit", "must be positive, got " + p.limit());
            files(p.path());
            if (p.testPath() != null) {
                files(p.testPath());
            }
        }

        @Override
        protected DatasetAdapter build(Params p) {
            return new HwdbGnt(p);
        }
    }
}
