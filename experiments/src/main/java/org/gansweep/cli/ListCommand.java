package org.gansweep.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.Inject;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gansweep.core.config.ModelOptions;
import org.gansweep.core.config.TrainingConfig;
import org.gansweep.core.config.Yaml;
import org.gansweep.core.plugin.Kind;
import org.gansweep.core.plugin.NoParams;
import org.gansweep.core.plugin.Plugin;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.reports.Figure;
import org.gansweep.reports.FigureCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "Every registered loss, architecture, dataset, optimizer, metric and figure, with its parameters and defaults.")
final class ListCommand implements Callable<Integer> {
    private final PluginCatalog catalog;
    private final FigureCatalog figures;

    @Inject
    ListCommand(PluginCatalog catalog, FigureCatalog figures) {
        this.catalog = catalog;
        this.figures = figures;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        for (Kind kind : Kind.values()) {
            out.println(kind.section() + ":");
            for (Map.Entry<String, Plugin<?, ?>> e : catalog.of(kind).entrySet()) {
                entry(out, e.getKey(), e.getValue().summary(), e.getValue().paramsType());
            }
        }
        // The trial fields that are not plug-ins: every training field, and the options every model takes.
        out.println("trial fields:");
        entry(out, "training", "the training loop (updates: alternating or simultaneous)", TrainingConfig.class);
        entry(out, "model", "options of every model beside its type's own (init: default, orthogonal, normal, xavier;"
                + " noise: normal or uniform)", ModelOptions.class);
        entry(out, "seed", "from the grid's `seeds` (a list, or a count)", NoParams.class);
        // Figures are plug-ins without parameters: the same lines, with nothing under them.
        out.println("figures:");
        for (Map.Entry<String, Figure> e : figures.figures().entrySet()) {
            entry(out, e.getKey(), e.getValue().summary(), NoParams.class);
        }
        return 0;
    }

    /** A plug-in's line: its name and summary, then each parameter with its default. */
    private static void entry(PrintWriter out, String name, String summary, Class<? extends Record> params) throws ReflectiveOperationException {
        out.printf("  %-16s %s%n", name, summary);
        Record defaults = defaults(params);
        for (RecordComponent rc : params.getRecordComponents()) {
            Object v = defaults == null ? null : rc.getAccessor().invoke(defaults);
            out.printf("  %-16s   %s = %s%n", "", rc.getName(), readable(v));
        }
    }

    /** A default as YAML would write it: {@code {batchNorm: true}} for a nested record, not {@code Net[batchNorm=true]}. */
    static String readable(Object v) {
        if (v instanceof Record || v instanceof Collection<?> || v instanceof Map<?, ?>) {
            try {
                return Yaml.json().writer().without(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(v).replace("\"", "").replace(":", ": ").replace(",", ", ");
            } catch (JsonProcessingException e) {
                return String.valueOf(v);
            }
        }
        return String.valueOf(v);
    }

    /** The record with every field at its default (all-null constructor arguments). */
    private static Record defaults(Class<? extends Record> type) {
        try {
            RecordComponent[] rcs = type.getRecordComponents();
            Class<?>[] types = new Class<?>[rcs.length];
            for (int i = 0; i < rcs.length; i++) {
                types[i] = rcs[i].getType();
            }
            return type.getDeclaredConstructor(types).newInstance(new Object[rcs.length]);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
