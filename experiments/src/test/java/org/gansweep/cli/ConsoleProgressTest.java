package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a piped run prints about each running trial, and how `list` shows nested defaults. */
class ConsoleProgressTest {
    @Test
    void aProgressLineHasTheStepTheRateWithItsLeadingZeroAndTheTimeLeft() {
        assertEquals("  gan_s1: step 50/200, 10.0 steps/s, about 15 s left", ConsoleProgress.progressLine("gan_s1", 50, 200, 10.0));
        assertEquals("  t: step 3/2000, 0.3 steps/s, about 1 h 50 min left", ConsoleProgress.progressLine("t", 3, 2000, 0.3));
        assertEquals("  t: step 100/35000, 125.0 steps/s, about 4 min 39 s left", ConsoleProgress.progressLine("t", 100, 35000, 125.0));
        assertEquals("  t: step 350/35000, measuring speed", ConsoleProgress.progressLine("t", 350, 35000, -1));
        // The first report came at step 350 (the worker's first 350 steps are not timed): 2 s later it is too soon
        // to say; 5 s after it, 750 more steps are 150 steps/s, not (1100 / 5 =) 220.
        long t0 = 1_000_000_000L;
        assertEquals(-1, ConsoleProgress.rate(t0, 350, 700, t0 + 2_000_000_000L));
        assertEquals(150.0, ConsoleProgress.rate(t0, 350, 1100, t0 + 5_000_000_000L), 1e-9);
        assertEquals(-1, ConsoleProgress.rate(t0, 350, 350, t0 + 5_000_000_000L));
    }

    @Test
    void nestedDefaultsAreWrittenAsYamlWouldWriteThem() {
        assertEquals("{batchNorm: true}", ListCommand.readable(new org.gansweep.models.DcganArchitecture.Net(null)));
        assertEquals("[128, 128]", ListCommand.readable(java.util.List.of(128, 128)));
        assertEquals("0.5", ListCommand.readable(0.5));
    }
}
