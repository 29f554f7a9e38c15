package org.gansweep.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The tables' numbers, each worked out by hand. */
class DigitsTest {
    @Test
    void theStdHasThreeSignificantDigitsAndTheMeanStopsAtTheSamePlace() {
        // std 0.00485: its third significant digit is the 5th decimal, so the mean 0.0028 gets 5 decimals too.
        assertEquals("0.00280 ± 0.00485", Digits.meanStd(0.0028, 0.00485));
        // 4/3 ± 1.5275...: std to 1.53 (2 decimals), mean 1.3333 to 1.33.
        assertEquals("1.33 ± 1.53", Digits.meanStd(4.0 / 3, 1.5275252316519468));
        // 7 ± sqrt(2): 1.41421 -> 1.41, the mean padded to 7.00.
        assertEquals("7.00 ± 1.41", Digits.meanStd(7, Math.sqrt(2)));
        // std 1234.5 -> 1230 (3 digits end at the tens), mean 52345.6 -> 52350 (half up at the tens).
        assertEquals("52350 ± 1230", Digits.meanStd(52345.6, 1234.5));
        // std 0.000987: 6 decimals; mean -0.0123456 rounded half away from zero -> -0.012346.
        assertEquals("-0.012346 ± 0.000987", Digits.meanStd(-0.0123456, 0.000987));
        // std 0.5 is one digit as written: padded to 0.500, mean 2.25 to 3 decimals.
        assertEquals("2.250 ± 0.500", Digits.meanStd(2.25, 0.5));
        // Rounding the std up a digit (0.9996 -> 1.00) gives 2 decimals, not 3.
        assertEquals("3.14 ± 1.00", Digits.meanStd(3.14159, 0.9996));
        // std 0.0312 ends at the 4th decimal; the mean 0.00125 there, half up, is 0.0013.
        assertEquals("0.0013 ± 0.0312", Digits.meanStd(0.00125, 0.0312));
        // A mean that rounds to zero has no sign.
        assertEquals("0.000 ± 0.500", Digits.meanStd(-0.0001, 0.5));
    }

    @Test
    void noSpreadOrANegligibleOneAndMissingValues() {
        assertEquals("-", Digits.meanStd(Double.NaN, Double.NaN));
        assertEquals("8.00", Digits.meanStd(8, Double.NaN));
        assertEquals("0.500 ± 0", Digits.meanStd(0.5, 0));
        // A spread finer than 6 decimals (floating-point noise between seeds) is shown as such, not as 14 decimals.
        assertEquals("2.08 ± 1.23e-12", Digits.meanStd(2.0794415416798357, 1.23e-12));
        assertEquals("2.80e-06 ± 4.85e-06", Digits.meanStd(2.8e-6, 4.85e-6));
    }

    @Test
    void aLoneValueHasThreeSignificantDigits() {
        assertEquals("0.0344", Digits.sig3(0.0344));
        assertEquals("2.08", Digits.sig3(2.0794415416798357));
        assertEquals("8.00", Digits.sig3(8));
        assertEquals("1230", Digits.sig3(1234.5));
        assertEquals("1.00", Digits.sig3(0.9996));
        assertEquals("-0.0570", Digits.sig3(-0.05699801467359066));
        assertEquals("0.00100", Digits.sig3(0.001));
        assertEquals("0", Digits.sig3(0));
        assertEquals("2.80e-06", Digits.sig3(2.8e-6));
        assertEquals("1.23e+06", Digits.sig3(1_234_567));
    }
}
