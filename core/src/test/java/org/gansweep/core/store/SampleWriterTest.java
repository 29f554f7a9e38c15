package org.gansweep.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleWriterTest {
    @TempDir
    Path dir;

    @Test
    void gridLabelsAreWrittenBareAndReadBack() throws Exception {
        SampleWriter.writeLabels(new int[] {9, 0, 2, 11}, List.of("T-shirt/top", "Trouser", "a, b\nc", "x", "x", "x", "x", "x", "x", "Ankle boot"), dir);
        assertEquals("tile,label,name\n0,9,Ankle boot\n1,0,T-shirt/top\n2,2,a  b c\n3,11,11\n",
                Files.readString(dir.resolve(SampleWriter.GRID_LABELS)));
        assertEquals(List.of(new SampleWriter.TileLabel(0, 9, "Ankle boot"), new SampleWriter.TileLabel(1, 0, "T-shirt/top"),
                new SampleWriter.TileLabel(2, 2, "a  b c"), new SampleWriter.TileLabel(3, 11, "11")), SampleWriter.readLabels(dir));
        assertEquals(List.of(), SampleWriter.readLabels(dir.resolve("none")));
    }
}
