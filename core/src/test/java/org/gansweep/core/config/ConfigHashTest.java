package org.gansweep.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Trial ids end in the config hash: it must never change for the same config. */
class ConfigHashTest {
    @Test
    void theHashIsTheSha256OfTheSortedCompactJsonAsSha256sumComputesIt() throws Exception {
        // printf '%s' '{"a":0.5,"b":[2,{"a":"x","z":1}],"c":"é"}' | sha256sum  (UTF-8)
        //   ee6618a248976d48119c9c75e6873e601d8f9e1c66df9538e863ae904cf93f78
        var config = Yaml.yaml().readTree("c: é\nb: [2, {z: 1, a: x}]\na: 0.5\n");
        assertEquals("ee6618a248976d48", ConfigHash.of(config));
    }

    @Test
    void hashIgnoresKeyOrderButNotValues() throws Exception {
        var a = Yaml.yaml().readTree("{x: 1, y: {b: 2, a: 3}}");
        var b = Yaml.yaml().readTree("{y: {a: 3, b: 2}, x: 1}");
        var c = Yaml.yaml().readTree("{y: {a: 3, b: 2}, x: 2}");
        assertEquals(ConfigHash.of(a), ConfigHash.of(b));
        assertNotEquals(ConfigHash.of(a), ConfigHash.of(c));
        assertEquals(16, ConfigHash.of(a).length());
    }
}
