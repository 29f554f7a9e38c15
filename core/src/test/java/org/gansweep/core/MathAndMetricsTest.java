package org.gansweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.gansweep.core.config.ConfigHash;
import org.gansweep.core.config.Location;
import org.gansweep.core.config.Yaml;
import org.gansweep.core.config.YamlLocator;
import org.gansweep.core.math.Kde2d;
import org.junit.jupiter.api.Test;

class MathAndMetricsTest {
    @Test
    void kdeIntegratesToOne() {
        float[] xy = {0f, 0f, 0.5f, -0.3f, -0.2f, 0.1f};
        int cells = 200;
        double lo = -3;
        double hi = 3;
        double[][] d = Kde2d.density(xy, lo, hi, cells, 0.2);
        double cell = (hi - lo) / cells;
        double total = 0;
        for (double[] row : d) {
            for (double v : row) {
                total += v * cell * cell;
            }
        }
        assertEquals(1.0, total, 1e-3);
        // The peak of one kernel at its own centre: 1 / (2 pi h^2 n) for the point at the origin, plus tails.
        assertEquals(0, Kde2d.density(new float[0], lo, hi, 4, 0.2)[0][0]);
    }

    @Test
    void hashIgnoresKeyOrderButNotValues() throws Exception {
        JsonNode a = Yaml.yaml().readTree("{x: 1, y: {b: 2, a: 3}}");
        JsonNode b = Yaml.yaml().readTree("{y: {a: 3, b: 2}, x: 1}");
        JsonNode c = Yaml.yaml().readTree("{y: {a: 3, b: 2}, x: 2}");
        assertEquals(ConfigHash.of(a), ConfigHash.of(b));
        assertNotEquals(ConfigHash.of(a), ConfigHash.of(c));
        assertEquals(16, ConfigHash.of(a).length());
    }

    @Test
    void locatorFindsKeysAndValues() throws Exception {
        String text = "name: x\nbase:\n  loss: {type: lsgan, a: 1}\naxes:\n  loss:\n    - gan\n    - {type: lsgn}\n";
        YamlLocator at = YamlLocator.index("g.yaml", text);
        assertEquals(Location.of("g.yaml", 3, 26), at.valueAt("/base/loss/a"));
        assertEquals(Location.of("g.yaml", 3, 23), at.keyAt("/base/loss/a"));
        assertEquals(Location.of("g.yaml", 6, 7), at.valueAt("/axes/loss/0"));
        assertEquals(Location.of("g.yaml", 7, 14), at.valueAt("/axes/loss/1/type"));
        // An absent pointer falls back to its nearest located parent.
        assertEquals(at.valueAt("/base/loss"), at.valueAt("/base/loss/missing"));
    }
}
