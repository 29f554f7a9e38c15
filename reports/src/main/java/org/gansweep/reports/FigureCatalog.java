package org.gansweep.reports;

import com.google.inject.Inject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every registered figure by name, in registration order (the order of the report). */
public final class FigureCatalog {
    private final Map<String, Figure> figures;

    @Inject
    public FigureCatalog(Map<String, Figure> figures) {
        this.figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    public Map<String, Figure> figures() {
        return figures;
    }
}
