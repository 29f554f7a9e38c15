package org.gansweep.core.store;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Saves an evaluation's samples: 2-D points as {@code samples/step_NNNNNN.csv} (x,y per line). */
public final class SampleWriter {
    private SampleWriter() {}

    public static String fileName(int step, String extension) {
        return String.format(Locale.ROOT, "step_%06d.%s", step, extension);
    }

    public static void write(NDArray samples, Path dir, int step) throws IOException {
        Shape shape = samples.getShape();
        if (shape.dimension() == 2 && shape.get(1) == 2) {
            float[] xy = samples.toFloatArray();
            StringBuilder sb = new StringBuilder(xy.length * 12).append("x,y\n");
            for (int i = 0; i < xy.length; i += 2) {
                sb.append(xy[i]).append(',').append(xy[i + 1]).append('\n');
            }
            AtomicFiles.write(dir.resolve(fileName(step, "csv")), sb.toString());
        }
    }
}
