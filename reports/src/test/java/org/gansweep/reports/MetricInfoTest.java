package org.gansweep.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.gansweep.core.metrics.MetricColumn;
import org.gansweep.core.metrics.MetricColumn.Better;
import org.junit.jupiter.api.Test;

/** A metric's own declaration of its columns is all the report needs: direction, words and reference. */
class MetricInfoTest {
    @Test
    void aDeclaredColumnGivesItsDirectionWordsAndReference() {
        assertEquals("widget_gap", MetricInfo.header("widget_gap"), "an undeclared column has no direction");
        MetricInfo.declare(List.of(MetricColumn.score("widget_gap", Better.LOWER, "gap to real widgets", "real_widget_gap"),
                MetricColumn.plain("real_widget_gap", null)));
        assertEquals("widget_gap ↓", MetricInfo.header("widget_gap"));
        assertEquals("gap to real widgets", MetricInfo.words("widget_gap"));
        assertEquals("real widget gap", MetricInfo.words("real_widget_gap"));
        assertEquals(Optional.of("real_widget_gap"), MetricInfo.reference("widget_gap"));
        assertTrue(MetricInfo.isReferenceOf("real_widget_gap", List.of("widget_gap", "real_widget_gap")));
        assertFalse(MetricInfo.isReferenceOf("real_widget_gap", List.of("real_widget_gap")));
        assertEquals(Better.NONE, MetricInfo.better("real_widget_gap"));
    }

    @Test
    void columnNamesAreSnakeCase() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> MetricColumn.plain("Widget Gap", null));
    }
}
