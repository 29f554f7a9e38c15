package org.gansweep.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.gansweep.core.plugin.FieldError;

/** Reading data files, gzipped or not, with errors that say which file and how to get it. */
final class DataFiles {
    /** Files already read whole and found sound, by path, size and modification time. */
    private static final Map<String, Boolean> VERIFIED = new ConcurrentHashMap<>();

    private DataFiles() {}

    static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    static byte[] readAll(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return in.readAllBytes();
        }
    }

    /** The first of {@code names} that exists in {@code dir} (e.g. with or without .gz). */
    static Path find(Path dir, String howToGet, String... names) {
        for (String n : names) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new FieldError("path", "has no " + String.join(" or ", names) + " in " + dir + "; " + howToGet);
    }

    /** Runs {@code check} once per file version; a failure becomes a FieldError on {@code path}. */
    static void verifyOnce(Path file, String howToGet, IoCheck check) {
        String key;
        try {
            key = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new FieldError("path", "cannot read " + file + ": " + e.getMessage() + "; " + howToGet);
        }
        if (VERIFIED.containsKey(key)) {
            return;
        }
        try {
            check.run();
        } catch (IOException | RuntimeException e) {
            if (e instanceof FieldError fe) {
                throw fe;
            }
            throw new FieldError("path", file + " is unreadable or corrupt (" + e.getMessage() + "); " + howToGet);
        }
        VERIFIED.put(key, Boolean.TRUE);
    }

    interface IoCheck {
        void run() throws IOException;
    }
}
