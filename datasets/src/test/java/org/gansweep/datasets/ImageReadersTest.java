package org.gansweep.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.RealSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reader on small files written here. */
class ImageReadersTest {
    @TempDir
    Path tmp;

    /** Writes an IDX image file of n 28x28 images whose pixels are (image index * 7 + pixel index) mod 256. */
    static void writeIdx(Path dir, String prefix, int n, boolean gzip) throws IOException {
        ByteBuffer img = ByteBuffer.allocate(16 + n * 784);
        img.putInt(IdxImages.IMAGES_MAGIC).putInt(n).putInt(28).putInt(28);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 784; p++) {
                img.put((byte) ((i * 7 + p) % 256));
            }
        }
        ByteBuffer lab = ByteBuffer.allocate(8 + n);
        lab.putInt(IdxImages.LABELS_MAGIC).putInt(n);
        for (int i = 0; i < n; i++) {
            lab.put((byte) (i % 10));
        }
        write(dir.resolve(prefix + "-images-idx3-ubyte" + (gzip ? ".gz" : "")), img.array(), gzip);
        write(dir.resolve(prefix + "-labels-idx1-ubyte" + (gzip ? ".gz" : "")), lab.array(), gzip);
    }

    static void write(Path f, byte[] bytes, boolean gzip) throws IOException {
        Files.createDirectories(f.getParent());
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(f)) : Files.newOutputStream(f)) {
            out.write(bytes);
        }
    }

    @Test
    void idxReadsGzippedAndPlainFilesIntoMinusOneToOne() throws Exception {
        writeIdx(tmp.resolve("gz"), "train", 5, true);
        writeIdx(tmp.resolve("plain"), "t10k", 3, false);
        DatasetAdapter gz = new FashionMnist(new FashionMnist.Params(tmp.resolve("gz").toString(), null, null));
        DatasetAdapter plain = new Mnist(new Mnist.Params(tmp.resolve("plain").toString(), IdxDataset.Split.TEST, null));
        new FashionMnist.Factory().checkRecord(new FashionMnist.Params(tmp.resolve("gz").toString(), null, null));
        try (NDManager m = NDManager.newBaseManager(); RealSampler s = gz.open(1); RealSampler t = plain.open(1)) {
            float[] batch = s.next(m, 5).toFloatArray();
            assertEquals(5 * 784, batch.length);
            // One epoch visits every image exactly once: their first pixels are 0, 7, 14, 21, 28.
            Set<Float> firsts = new HashSet<>();
            for (int b = 0; b < 5; b++) {
                firsts.add(batch[b * 784]);
                // Pixel p of image i is (7i + p) mod 256, scaled as v / 127.5 - 1.
                int i = Math.round((batch[b * 784] + 1) * 127.5f) / 7;
                assertEquals(((i * 7 + 100) % 256) / 127.5f - 1f, batch[b * 784 + 100], 1e-6);
            }
            assertEquals(Set.of(-1f, 7 / 127.5f - 1, 14 / 127.5f - 1, 21 / 127.5f - 1, 28 / 127.5f - 1), firsts);
            assertArrayEquals(new long[] {3, 1, 28, 28}, t.next(m, 3).getShape().getShape());
        }
    }

    @Test
    void shufflingIsSeeded() throws Exception {
        writeIdx(tmp, "train", 40, false);
        DatasetAdapter d = new FashionMnist(new FashionMnist.Params(tmp.toString(), null, null));
        try (NDManager m = NDManager.newBaseManager(); RealSampler a = d.open(3); RealSampler b = d.open(3); RealSampler c = d.open(4)) {
            float[] x = a.next(m, 10).toFloatArray();
            assertArrayEquals(x, b.next(m, 10).toFloatArray());
            assertNotEquals(java.util.Arrays.toString(x), java.util.Arrays.toString(c.next(m, 10).toFloatArray()));
        }
    }

    @Test
    void missingAndCorruptIdxFilesSayWhichFileAndHowToGetIt() throws Exception {
        FieldError missing = assertThrows(FieldError.class,
                () -> new FashionMnist.Factory().checkRecord(new FashionMnist.Params(tmp.resolve("nope").toString(), null, null)));
        assertEquals("path", missing.field());
        assertTrue(missing.getMessage().contains(tmp.resolve("nope") + " does not exist"), missing.getMessage());
        assertTrue(missing.getMessage().contains("apt-get install dataset-fashion-mnist"), missing.getMessage());

        writeIdx(tmp, "train", 4, false);
        Path images = tmp.resolve("train-images-idx3-ubyte");
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, java.util.Arrays.copyOf(whole, whole.length - 100)); // truncated
        FieldError truncated = assertThrows(FieldError.class,
                () -> new FashionMnist.Factory().checkRecord(new FashionMnist.Params(tmp.toString(), null, null)));
        assertTrue(truncated.getMessage().contains(images + " is truncated or corrupt"), truncated.getMessage());
        whole[3] = 0x07; // wrong magic
        Files.write(images, whole);
        FieldError magic = assertThrows(FieldError.class,
                () -> new FashionMnist.Factory().checkRecord(new FashionMnist.Params(tmp.toString(), null, null)));
        assertTrue(magic.getMessage().contains("is not an IDX image file"), magic.getMessage());
    }

    @Test
    void cifarBinaryRecordsBecomeRgbPlanes() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cifar"));
        for (int f = 1; f <= 5; f++) {
            byte[] b = new byte[2 * Cifar10.RECORD];
            for (int r = 0; r < 2; r++) {
                b[r * Cifar10.RECORD] = (byte) (f % 10);
                for (int p = 0; p < 3072; p++) {
                    b[r * Cifar10.RECORD + 1 + p] = (byte) (p < 1024 ? 255 : p < 2048 ? 0 : 51 * f);
                }
            }
            Files.write(dir.resolve("data_batch_" + f + ".bin"), b);
        }
        Cifar10.Params params = new Cifar10.Params(dir.toString(), null, null);
        new Cifar10.Factory().checkRecord(params);
        ImageSet set = Cifar10.read(Cifar10.files(params));
        assertEquals(10, set.count);
        assertEquals(3, set.channels);
        assertEquals(5, set.labels[9]);
        try (NDManager m = NDManager.newBaseManager(); RealSampler s = new Cifar10(params).open(1)) {
            float[] px = s.next(m, 1).toFloatArray();
            assertEquals(1f, px[0]);          // red plane at 255
            assertEquals(-1f, px[1024]);      // green plane at 0
        }
        Files.write(dir.resolve("data_batch_3.bin"), new byte[100]);
        FieldError bad = assertThrows(FieldError.class, () -> Cifar10.read(Cifar10.files(params)));
        assertTrue(bad.getMessage().contains("data_batch_3.bin is truncated or corrupt"), bad.getMessage());
    }

    @Test
    void imageFoldersAreCentreCroppedResizedAndStreamed() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("lsun/sub"));
        // 60 x 20: a red square in the middle 20 x 20, blue bands at the sides that the crop must remove.
        BufferedImage img = new BufferedImage(60, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 60, 20);
        g.setColor(Color.RED);
        g.fillRect(20, 0, 20, 20);
        g.dispose();
        ImageIO.write(img, "png", dir.resolve("a.png").toFile());
        ImageIO.write(img, "jpg", dir.resolve("b.jpg").toFile());
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        ImageFolder.Params params = new ImageFolder.Params(tmp.resolve("lsun").toString(), 8, 3, null);
        new ImageFolder.Factory().checkRecord(params);
        assertEquals(2, ImageFolder.list(params).size());
        try (NDManager m = NDManager.newBaseManager(); RealSampler s = new ImageFolder(params).open(1)) {
            float[] px = s.next(m, 2).toFloatArray();
            assertEquals(2 * 3 * 8 * 8, px.length);
            for (int b = 0; b < 2; b++) {
                int o = b * 192;
                assertEquals(1f, px[o + 27], 0.05);        // red, centre pixel
                assertEquals(-1f, px[o + 64 + 27], 0.05);  // no green
                assertEquals(-1f, px[o + 128 + 27], 0.05); // no blue: the bands were cropped
            }
        }
        Files.write(dir.resolve("c.png"), new byte[] {1, 2, 3});
        ImageFolder.Params corrupt = new ImageFolder.Params(tmp.resolve("lsun").toString(), 8, 3, null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            try (NDManager m = NDManager.newBaseManager(); RealSampler s = new ImageFolder(corrupt).open(1)) {
                s.next(m, 3);
            }
        });
        assertTrue(e.getMessage().contains("c.png is not a readable PNG or JPEG image"), e.getMessage());
        FieldError empty = assertThrows(FieldError.class, () -> new ImageFolder.Factory().checkRecord(
                new ImageFolder.Params(Files.createDirectories(tmp.resolve("empty")).toString(), 8, 3, null)));
        assertTrue(empty.getMessage().contains("holds no .png or .jpg images"), empty.getMessage());
    }
}
