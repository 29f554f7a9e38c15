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
    }

    @Test
    void nestedDefaultsAreWrittenAsYamlWouldWriteThem() {
        assertEquals("{batchNorm: true}", ListCommand.readable(new org.gansweep.models.DcganArchitecture.Net(null)));
        assertEquals("[128, 128]", ListCommand.readable(java.util.List.of(128, 128)));
        assertEquals("0.5", ListCommand.readable(0.5));
    }
}
