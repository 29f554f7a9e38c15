package org.gansweep.core.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first processor's fields in /proc/cpuinfo, the one reader of that file: MKL's vendor check, the kernel
 * self-test's cache key and provenance's processor name all read it here. Every processor of a machine is the same
 * model, so the first block is enough.
 */
public final class CpuInfo {
    private CpuInfo() {}

    /** Each field of the first processor as written (the first value of a key wins); empty when unreadable. */
    public static Map<String, String> firstProcessor(Path cpuinfo) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.isBlank() && !out.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    out.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: no fields
        }
        return out;
    }

    /** This machine's first processor. */
    public static Map<String, String> here() {
        return firstProcessor(Path.of("/proc/cpuinfo"));
    }
}
