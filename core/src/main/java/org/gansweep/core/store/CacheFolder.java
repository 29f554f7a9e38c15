package org.gansweep.core.store;

import java.nio.file.Path;

/**
 * The per-user folder for what gansweep can rebuild but keeps between runs (evaluation classifiers, native
 * helpers): {@code -Dgansweep.cache} or {@code GANSWEEP_CACHE}, else {@code ~/.cache/gansweep}.
 */
public final class CacheFolder {
    private CacheFolder() {}

    public static Path root() {
        String p = System.getProperty("gansweep.cache", System.getenv("GANSWEEP_CACHE"));
        // An empty setting means none: Path.of("") would put the cache in whatever folder gansweep runs in.
        return p != null && !p.isBlank() ? Path.of(p) : Path.of(System.getProperty("user.home"), ".cache", "gansweep");
    }
}
