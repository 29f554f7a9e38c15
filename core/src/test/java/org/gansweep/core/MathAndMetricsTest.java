package org.gansweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.gansweep.core.config.ConfigHash;
import org.gansweep.core.config.Yaml;
import org.junit.jupiter.api.Test;

class MathAndMetricsTest {
    @Test
    void hashIgnoresKeyOrderButNotValues() throws Exception {
        JsonNode a = Yaml.yaml().readTree("{x: 1, y: {b: 2, a: 3}}");
        JsonNode b = Yaml.yaml().readTree("{y: {a: 3, b: 2}, x: 1}");
        JsonNode c = Yaml.yaml().readTree("{y: {a: 3, b: 2}, x: 2}");
        assertEquals(ConfigHash.of(a), ConfigHash.of(b));
        assertNotEquals(ConfigHash.of(a), ConfigHash.of(c));
        assertEquals(16, ConfigHash.of(a).length());
    }
}
