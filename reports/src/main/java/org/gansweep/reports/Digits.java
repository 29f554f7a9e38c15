package org.gansweep.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers as the report's tables print them. A mean ± std shows the std to 3 significant digits and the mean to
 * the same decimal place, so every cell of a column says as much as its spread allows and no more (0.00280 ±
 * 0.00485 beside 1.33 ± 1.53, not 0.002800 ± 0.004850 beside 1.333 ± 1.528). A value without a spread shows 3
 * significant digits. Rounding is half away from zero, as by hand; decimals come from the shortest decimal
 * form of the double (Double.toString), so 0.0028 is not printed as 0.0027999....
 */
public final class Digits {
    static final int SIGNIFICANT = 3;
    private static final MathContext THREE = new MathContext(SIGNIFICANT, RoundingMode.HALF_UP);
    /** Finer than this many decimals, plain notation is unreadable: both numbers go to scientific notation. */
    static final int MAX_DECIMALS = 6;

    private Digits() {}

    /** "-" for no value; the mean alone when there is no spread (one seed); else mean ± std. */
    public static String meanStd(double mean, double std) {
        if (Double.isNaN(mean)) {
            return "-";
        }
        if (Double.isNaN(std) || Double.isInfinite(mean) || Double.isInfinite(std)) {
            return Double.isNaN(std) ? sig3(mean) : sig3(mean) + " ± " + sig3(std);
        }
        if (std == 0) {
            return sig3(mean) + " ± 0";
        }
        BigDecimal s = padded(BigDecimal.valueOf(Math.abs(std)).round(THREE));
        if (s.scale() > MAX_DECIMALS || s.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            return sig3(mean) + " ± " + scientific(std);
        }
        BigDecimal m = BigDecimal.valueOf(mean).setScale(s.scale(), RoundingMode.HALF_UP);
        return plain(m) + " ± " + s.toPlainString();
    }

    /** 3 significant digits: plain from 0.001 up to a million, scientific outside. */
    public static String sig3(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        BigDecimal r = BigDecimal.valueOf(v).round(THREE);
        if (a < 1e-3 || r.abs().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            return scientific(v);
        }
        return padded(r).toPlainString();
    }

    /** 8.0 and 0.5 have fewer than 3 digits as BigDecimals: pad them to 8.00 and 0.500 (no rounding happens). */
    private static BigDecimal padded(BigDecimal r) {
        return r.setScale(r.scale() + Math.max(0, SIGNIFICANT - r.precision()));
    }

    private static String scientific(double v) {
        return String.format(Locale.ROOT, "%." + (SIGNIFICANT - 1) + "e", v);
    }

    /** Rounding a small negative mean to zero would print "-0.00"; a zero has no sign. */
    private static String plain(BigDecimal m) {
        return m.signum() == 0 ? m.abs().toPlainString() : m.toPlainString();
    }
}
