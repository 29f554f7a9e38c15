package org.gansweep.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class YamlLocatorTest {
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
