package org.gansweep.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.LabeledData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChineseCharactersTest {
    @TempDir
    Path tmp;

    /** One .gnt sample: size, GB2312 tag, width, height, bitmap (255 paper, 0 ink). */
    static byte[] sample(char c, int w, int h, int inkColumn) {
        ByteBuffer b = ByteBuffer.allocate(10 + w * h).order(ByteOrder.LITTLE_ENDIAN);
        byte[] tag = String.valueOf(c).getBytes(HwdbGnt.GB2312);
        b.putInt(10 + w * h).put(tag[0]).put(tag[1]).putShort((short) w).putShort((short) h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.put((byte) (x == inkColumn ? 0 : 255));
            }
        }
        return b.array();
    }

    @Test
    void gntSamplesAreDecodedSquaredInvertedAndLabelledInGb2312Order() throws Exception {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(sample('阿', 4, 8, 1)); // GB2312 B0A2
        f.write(sample('啊', 8, 8, 3)); // GB2312 B0A1: first in code order, so class 0
        f.write(sample('阿', 6, 6, 0));
        Files.createDirectories(tmp.resolve("hwdb/a"));
        Files.write(tmp.resolve("hwdb/a/001.gnt"), f.toByteArray());
        List<HwdbGnt.Sample> raw = HwdbGnt.read(tmp.resolve("hwdb/a/001.gnt"));
        assertEquals(3, raw.size());
        assertEquals('阿', raw.get(0).character());
        assertEquals(4, raw.get(0).width());

        ImageSet set = HwdbGnt.load(tmp.resolve("hwdb").toString(), 8, null, null);
        assertEquals(3, set.count);
        assertEquals(List.of('啊', '阿'), set.classNames());
        assertArrayEquals(new int[] {1, 0, 1}, set.labels);
        // Sample 1 (8x8, ink in column 3): inverted, the ink column is bright, paper dark.
        int o = 64;
        assertEquals(255, set.pixels[o + 3 * 8 + 3] & 0xff);
        assertEquals(0, set.pixels[o + 3 * 8 + 5] & 0xff);
        // Sample 0 (4 wide, 8 high) was padded to a square: its left and right margins are paper.
        assertEquals(0, set.pixels[3 * 8] & 0xff);

        DatasetAdapter d = new HwdbGnt(new HwdbGnt.Params(tmp.resolve("hwdb").toString(), null, 8, null, null));
        LabeledData test = d.labeled(false).orElseThrow();
        assertEquals(0, test.size()); // every tenth of 3 samples: none held out
        assertEquals(3, d.labeled(true).orElseThrow().size());

        Files.write(tmp.resolve("hwdb/a/002.gnt"), new byte[] {50, 0, 0, 0, 1});
        FieldError corrupt = assertThrows(FieldError.class, () -> HwdbGnt.load(tmp.resolve("hwdb").toString(), 8, null, null));
        assertTrue(corrupt.getMessage().contains("002.gnt"), corrupt.getMessage());
        FieldError none = assertThrows(FieldError.class, () -> new HwdbGnt.Factory().checkRecord(new HwdbGnt.Params(tmp.resolve("nope").toString(), null, null, null, null)));
        assertTrue(none.getMessage().contains("does not exist"), none.getMessage());
    }

    /** A separate test split keeps the training split's class ids, even when it lacks some characters. */
    @Test
    void aHwdbTestSplitUsesTheTrainingClassIds() throws Exception {
        ByteArrayOutputStream train = new ByteArrayOutputStream();
        train.write(sample('啊', 8, 8, 1)); // class 0
        train.write(sample('阿', 8, 8, 2)); // class 1
        train.write(sample('埃', 8, 8, 3)); // class 2
        ByteArrayOutputStream test = new ByteArrayOutputStream();
        test.write(sample('埃', 8, 8, 3)); // alone it would be class 0
        test.write(sample('阿', 8, 8, 2));
        test.write(sample('挨', 8, 8, 2)); // not in training: dropped
        Files.createDirectories(tmp.resolve("train"));
        Files.createDirectories(tmp.resolve("test"));
        Files.write(tmp.resolve("train/1.gnt"), train.toByteArray());
        Files.write(tmp.resolve("test/1.gnt"), test.toByteArray());
        DatasetAdapter d = new HwdbGnt(new HwdbGnt.Params(tmp.resolve("train").toString(), tmp.resolve("test").toString(), 8, null, null));
        assertEquals(List.of("啊", "阿", "埃"), d.classNames());
        LabeledData t = d.labeled(false).orElseThrow();
        assertEquals(2, t.size());
        assertEquals(3, t.classes());
        int[] labels = new int[2];
        t.copy(0, 2, new float[2 * 64], labels);
        assertArrayEquals(new int[] {2, 1}, labels);
    }

    /** The reader keeps only resized images, and says so when even those would not fit in one array. */
    @Test
    void hwdbLimitsAndOversizedSetsAreHandledBeforeAnyPixelIsHeld() throws Exception {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        for (int i = 0; i < 8200; i++) {
            f.write(sample(i % 2 == 0 ? '啊' : '阿', 1, 1, 0));
        }
        Files.createDirectories(tmp.resolve("many"));
        Files.write(tmp.resolve("many/1.gnt"), f.toByteArray());
        ImageSet few = HwdbGnt.load(tmp.resolve("many").toString(), 8, null, 5);
        assertEquals(5, few.count);
        assertArrayEquals(new int[] {0, 1, 0, 1, 0}, few.labels);
        assertEquals(4100, HwdbGnt.load(tmp.resolve("many").toString(), 8, 1, null).count); // only class 0
        // 8,200 images of 512 x 512 bytes exceed one Java array: a clear error, not an OutOfMemoryError.
        FieldError big = assertThrows(FieldError.class, () -> HwdbGnt.load(tmp.resolve("many").toString(), 512, null, null));
        assertEquals("limit", big.field());
        assertTrue(big.getMessage().contains("8200 images of 512x512 px do not fit"), big.getMessage());
    }

    /** Conditional training draws (images, labels) pairs: each label belongs to its image. */
    @Test
    void labelledBatchesPairEachImageWithItsClass() {
        int n = 30;
        byte[] px = new byte[n * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            java.util.Arrays.fill(px, i * 4, i * 4 + 4, (byte) (labels[i] * 100)); // the class, written in the pixels
        }
        ImageSet set = new ImageSet(px, labels, n, 1, 2, 2);
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager();
                var sampler = set.sampler(7)) {
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int b = 0; b < 5; b++) {
                var batch = sampler.nextLabeled(m, 8);
                float[] x = batch.get(0).toFloatArray();
                long[] y = batch.get(1).toLongArray();
                assertEquals(8, y.length);
                for (int i = 0; i < 8; i++) {
                    int fromPixels = Math.round((x[i * 4] + 1f) * 127.5f / 100f);
                    assertEquals(y[i], fromPixels, "batch " + b + " row " + i);
                    seen.add((int) y[i]);
                }
            }
            assertEquals(java.util.Set.of(0, 1, 2), seen);
        }
        ImageSet unlabelled = new ImageSet(px, null, n, 1, 2, 2);
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager(); var sampler = unlabelled.sampler(7)) {
            assertThrows(UnsupportedOperationException.class, () -> sampler.nextLabeled(m, 4));
        }
    }

    @Test
    void labelledDatasetsNameTheirClasses() {
        assertEquals("啊", new FontHanzi(new FontHanzi.Params(null, 3, null, 32, 4, 1.0, 0L)).classNames().get(0));
        assertEquals(List.of("甲", "乙"), new FontHanzi(new FontHanzi.Params("甲乙", null, null, 32, 4, 1.0, 0L)).classNames());
        assertEquals("Ankle boot", new FashionMnist(new FashionMnist.Params(null, null, null)).classNames().get(9));
        assertEquals("truck", new Cifar10(new Cifar10.Params("x", null, null)).classNames().get(9));
        assertTrue(new GaussianRing(new GaussianRing.Params(null, null, null, null)).classNames().isEmpty());
    }

    @Test
    void gb2312LevelOneStartsWithTheFamiliarCharacters() {
        assertEquals("啊阿埃挨哎", FontHanzi.gb2312Level1(5));
        assertEquals(3755, FontHanzi.gb2312Level1(4000).length());
    }

    @Test
    void fontCharactersAreRenderedWithSeededDistortion() throws Exception {
        FontHanzi.Params p = new FontHanzi.Params(null, 3, null, 32, 4, 1.0, 0L);
        try {
            FontHanzi.fontFiles(p);
        } catch (FieldError e) {
            Assumptions.abort("no CJK font installed: " + e.getMessage());
        }
        ImageSet a = FontHanzi.render(p, false);
        ImageSet b = FontHanzi.render(p, false);
        assertEquals(12, a.count);
        assertArrayEquals(a.pixels, b.pixels); // the same every time
        assertEquals(List.of('啊', '阿', '埃'), a.classNames());
        // Every sample has ink, and two samples of one class differ (distortion).
        for (int i = 0; i < a.count; i++) {
            int ink = 0;
            for (int j = 0; j < 32 * 32; j++) {
                ink += (a.pixels[i * 1024 + j] & 0xff) > 128 ? 1 : 0;
            }
            assertTrue(ink > 20, "sample " + i + " has " + ink + " ink pixels");
        }
        assertFalse(java.util.Arrays.equals(java.util.Arrays.copyOfRange(a.pixels, 0, 1024), java.util.Arrays.copyOfRange(a.pixels, 1024, 2048)));
        assertEquals(3, FontHanzi.render(p, true).count); // a tenth as many, at least one per class
        FieldError missing = assertThrows(FieldError.class, () -> new FontHanzi.Factory().checkRecord(
                new FontHanzi.Params(null, 3, List.of(tmp.resolve("none.ttf").toString()), 32, 4, 1.0, 0L)));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        // For a look: datasets/target/font-hanzi.png
        Files.write(Path.of("target/font-hanzi.png"), png(a));
    }

    private static byte[] png(ImageSet s) throws Exception {
        float[] px = new float[s.count * 1024];
        for (int i = 0; i < px.length; i++) {
            px[i] = (s.pixels[i] & 0xff) / 127.5f - 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(org.gansweep.core.store.SampleWriter.grid(px, s.count, 1, 32, 32, 4), "png", out);
        return out.toByteArray();
    }
}
