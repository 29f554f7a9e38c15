package org.gansweep.reports;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;

/** Colours and fonts shared by the figures, so a setting has one colour throughout a report. */
public final class Palette {
    private static final Color[] SERIES = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)
    };
    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    public static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private Palette() {}

    /**
     * A font of this style and size that can draw all of {@code text} (class names may be Chinese
     * characters): the sans-serif font when it can, else the first installed family that can.
     */
    public static Font fontFor(String text, int style, int size) {
        Font sans = new Font(Font.SANS_SERIF, style, size);
        if (sans.canDisplayUpTo(text) == -1) {
            return sans;
        }
        for (String family : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()) {
            Font f = new Font(family, style, size);
            if (f.canDisplayUpTo(text) == -1) {
                return f;
            }
        }
        return sans;
    }

    public static Color series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    /** Viridis, interpolated from nine stops; t in [0, 1]. */
    public static int viridis(double t) {
        int[] stops = {0x440154, 0x472c7a, 0x3b518b, 0x2c718e, 0x21908d, 0x27ad81, 0x5cc863, 0xaadc32, 0xfde725};
        double x = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(x));
        double f = x - i;
        int a = stops[i];
        int b = stops[i + 1];
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return (r << 16) | (g << 8) | bl;
    }
}
