package org.gansweep.datasets;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Plugin;

/**
 * The stand-in for handwritten Chinese characters that runs here: characters rendered from every
 * configured CJK font, each sample with its own seeded random affine (rotation, scale, shear, shift) and
 * elastic distortion, so a class has many writer-like variants. Ink is bright (+1) on a dark (-1) ground,
 * as for {@code hwdb}. The dataset is the same for every trial (its own {@code seed}).
 */
public final class FontHanzi extends CharacterImages {
    /** Debian's CJK fonts, by the package that installs each. */
    static final List<String[]> DEBIAN_FONTS = List.of(
            new String[] {"/usr/share/fonts/truetype/arphic/ukai.ttc", "fonts-arphic-ukai"},
            new String[] {"/usr/share/fonts/truetype/arphic/uming.ttc", "fonts-arphic-uming"},
            new String[] {"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "fonts-wqy-zenhei"},
            new String[] {"/usr/share/fonts/truetype/cwtex/cwkai.ttf", "fonts-cwtex-kai"},
            new String[] {"/usr/share/fonts/truetype/lxgw/LXGWWenKai-Regular.ttf", "fonts-lxgw-wenkai"});

    /**
     * @param characters the classes, in order; default the first {@code count} of GB2312 level 1
     * @param count classes when {@code characters} is not given
     * @param fonts font files; default every Debian CJK font installed
     * @param size side of the square images
     * @param perClass samples rendered per class (train); a tenth as many more are held out for testing
     * @param distortion strength of the random affine and elastic distortion (0: clean glyphs)
     * @param seed the seed of the rendered set, the same for every trial
     */
    public record Params(String characters, Integer count, List<String> fonts, Integer size, Integer perClass, Double distortion, Long seed) {
        public Params {
            count = count == null ? 100 : count;
            size = size == null ? 64 : size;
            perClass = perClass == null ? 100 : perClass;
            distortion = distortion == null ? 1.0 : distortion;
            seed = seed == null ? 0L : seed;
        }
    }

    /** The first n characters of GB2312 level 1 (rows 16 to 55, ordered by pinyin). */
    static String gb2312Level1(int n) {
        StringBuilder sb = new StringBuilder();
        for (int hi = 0xB0; hi <= 0xD7 && sb.length() < n; hi++) {
            for (int lo = 0xA1; lo <= 0xFE && sb.length() < n; lo++) {
                String c = new String(new byte[] {(byte) hi, (byte) lo}, HwdbGnt.GB2312);
                if (c.length() == 1 && c.charAt(0) != '\uFFFD') {
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    static String characters(Params p) {
        return p.characters() != null ? p.characters() : gb2312Level1(p.count());
    }

    static List<Path> fontFiles(Params p) {
        List<Path> out = new ArrayList<>();
        if (p.fonts() != null) {
            for (String f : p.fonts()) {
                if (!Files.isRegularFile(Path.of(f))) {
                    throw new FieldError("fonts", "has " + f + ", which does not exist; install the font's package or remove it");
                }
                out.add(Path.of(f));
            }
            return out;
        }
        for (String[] f : DEBIAN_FONTS) {
            if (Files.isRegularFile(Path.of(f[0]))) {
                out.add(Path.of(f[0]));
            }
        }
        if (out.isEmpty()) {
            throw new FieldError("fonts", "found no CJK font: install Debian's fonts (apt-get install fonts-arphic-ukai fonts-arphic-uming) or list font files in dataset.fonts");
        }
        return out;
    }

    static List<Font> load(List<Path> files, int size) {
        List<Font> fonts = new ArrayList<>();
        for (Path f : files) {
            try {
                for (Font font : Font.createFonts(f.toFile())) {
                    fonts.add(font.deriveFont(Font.PLAIN, size * 0.8f));
                }
            } catch (FontFormatException | IOException e) {
                throw new FieldError("fonts", "cannot load " + f + ": " + e.getMessage());
            }
        }
        return fonts;
    }

    /** Renders {@code perClass} samples of every character (ink bright) into an ImageSet. */
    static ImageSet render(Params p, boolean test) {
        String chars = characters(p);
        List<Font> fonts = load(fontFiles(p), p.size());
        int per = test ? Math.max(1, p.perClass() / 10) : p.perClass();
        int size = p.size();
        byte[] pixels = new byte[chars.length() * per * size * size];
        int[] labels = new int[chars.length() * per];
        List<Character> names = new ArrayList<>();
        int i = 0;
        for (int k = 0; k < chars.length(); k++) {
            char c = chars.charAt(k);
            names.add(c);
            List<Font> able = fonts.stream().filter(f -> f.canDisplay(c)).toList();
            if (able.isEmpty()) {
                throw new FieldError("characters", "character '" + c + "' is in none of the fonts");
            }
            for (int j = 0; j < per; j++, i++) {
                SplittableRandom r = new SplittableRandom(p.seed() * 1_000_003L + (test ? 7_919L : 0) + k * 100_003L + j);
                glyph(c, able.get(j % able.size()), size, p.distortion(), r, pixels, i * size * size);
                labels[i] = k;
            }
        }
        return new ImageSet(pixels, labels, labels.length, 1, size, size).withClassNames(names);
    }

    static void glyph(char c, Font font, int size, double strength, SplittableRandom r, byte[] out, int offset) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, size, size);
        AffineTransform t = new AffineTransform();
        t.translate(size / 2.0 + strength * (r.nextDouble() - 0.5) * 0.08 * size, size / 2.0 + strength * (r.nextDouble() - 0.5) * 0.08 * size);
        t.rotate(Math.toRadians(strength * (r.nextDouble() - 0.5) * 16));
        t.shear(strength * (r.nextDouble() - 0.5) * 0.3, 0);
        double scale = 1 + strength * (r.nextDouble() - 0.5) * 0.2;
        t.scale(scale, scale);
        g.setTransform(t);
        g.setFont(font);
        g.setColor(Color.WHITE);
        FontMetrics fm = g.getFontMetrics();
        String s = String.valueOf(c);
        g.drawString(s, -fm.stringWidth(s) / 2f, (fm.getAscent() - fm.getDescent()) / 2f);
        g.dispose();
        elastic(img, size, strength * size / 10.0, Math.max(1, size / 10), r, out, offset);
    }

    /** Simard et al.'s elastic distortion: a smoothed random displacement field, sampled bilinearly. */
    static void elastic(BufferedImage img, int size, double alpha, int radius, SplittableRandom r, byte[] out, int offset) {
        double[] dx = smooth(noise(size, r), size, radius);
        double[] dy = smooth(noise(size, r), size, radius);
        var src = img.getRaster();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double sx = x + alpha * dx[y * size + x];
                double sy = y + alpha * dy[y * size + x];
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double fx = sx - x0;
                double fy = sy - y0;
                double v = (1 - fx) * (1 - fy) * at(src, x0, y0, size) + fx * (1 - fy) * at(src, x0 + 1, y0, size)
                        + (1 - fx) * fy * at(src, x0, y0 + 1, size) + fx * fy * at(src, x0 + 1, y0 + 1, size);
                out[offset + y * size + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
    }

    private static double at(Raster r, int x, int y, int size) {
        return x < 0 || y < 0 || x >= size || y >= size ? 0 : r.getSample(x, y, 0);
    }

    private static double[] noise(int size, SplittableRandom r) {
        double[] n = new double[size * size];
        for (int i = 0; i < n.length; i++) {
            n[i] = r.nextDouble() * 2 - 1;
        }
        return n;
    }

    /** Box blur (three passes approximate a Gaussian), normalised to unit peak amplitude. */
    private static double[] smooth(double[] f, int size, int radius) {
        double[] a = f;
        for (int pass = 0; pass < 3; pass++) {
            a = blur(blur(a, size, radius, 1, size), size, radius, size, 1);
        }
        double max = 1e-12;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        for (int i = 0; i < a.length; i++) {
            a[i] /= max;
        }
        return a;
    }

    /**
     * A 1-D box blur of a size x size field along one axis: {@code step} is the distance between neighbours
     * on that axis (1: along rows, size: along columns), {@code lineStep} between the lines it runs along.
     */
    private static double[] blur(double[] a, int size, int radius, int step, int lineStep) {
        double[] out = new double[a.length];
        for (int line = 0; line < size; line++) {
            for (int i = 0; i < size; i++) {
                double s = 0;
                int n = 0;
                for (int d = -radius; d <= radius; d++) {
                    int j = i + d;
                    if (j >= 0 && j < size) {
                        s += a[line * lineStep + j * step];
                        n++;
                    }
                }
                out[line * lineStep + i * step] = s / n;
            }
        }
        return out;
    }

    private final Params p;

    public FontHanzi(Params p) {
        super(p.size());
        this.p = p;
    }

    @Override
    protected ImageSet loadData() {
        return render(p, false);
    }

    @Override
    protected ImageSet loadSplit(boolean train, ImageSet data) {
        return train ? data : render(p, true);
    }

    @Override
    protected String identity(boolean train) {
        return "font-hanzi|" + p + (train ? "#train" : "#test");
    }

    /** Known from the parameters: nothing is rendered to name the classes. */
    @Override
    public List<String> classNames() {
        return characters(p).chars().mapToObj(c -> String.valueOf((char) c)).toList();
    }

    /** Registered as {@code font-hanzi}. */
    public static final class Factory extends Plugin<Params, DatasetAdapter> {
        public Factory() {
            super(Params.class, "Chinese characters rendered from CJK fonts with random affine and elastic distortion (characters, count, fonts, size, perClass, distortion, seed)");
        }

        @Override
        public void check(Params p) {
            FieldError.require(p.size() >= 16 && p.size() <= 256, "size", "must be between 16 and 256, got " + p.size());
            FieldError.require(p.count() >= 1 && p.count() <= 3755, "count", "must be between 1 and 3755 (GB2312 level 1), got " + p.count());
            FieldError.require(p.perClass() >= 1 && p.perClass() <= 10_000, "perClass", "must be between 1 and 10000, got " + p.perClass());
            FieldError.require(p.distortion() >= 0 && p.distortion() <= 5, "distortion", "must be between 0 and 5, got " + p.distortion());
            FieldError.require(p.characters() == null || !p.characters().isEmpty(), "characters", "must not be empty");
            fontFiles(p);
        }

        @Override
        protected DatasetAdapter build(Params p) {
            return new FontHanzi(p);
        }
    }
}
