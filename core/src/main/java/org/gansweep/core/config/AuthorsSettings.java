package org.gansweep.core.config;

import java.util.List;

/**
 * A grid's {@code authors:} section: the source of the setting it reproduces and, setting by setting, the value
 * here beside the authors' value and why they differ. The report shows it as a table.
 *
 * <pre>
 * authors:
 *   source: xudonmao/LSGAN stability_comparison/mixture_gaussian/ls.py
 *   settings:
 *     - {setting: batch size, here: 512, authors: 512}
 *     - {setting: Adam epsilon, here: 1e-8, authors: 1e-8}
 *     - {setting: steps, here: 2000, authors: 35000, why: a CPU-sized run}
 * </pre>
 */
public record AuthorsSettings(String source, List<Row> settings) {
    /** One setting; {@code why} says why {@code here} differs from {@code authors} (empty when they agree). */
    public record Row(String setting, String here, String authors, String why) {
        public boolean differs() {
            return !here.equals(authors);
        }
    }
}
