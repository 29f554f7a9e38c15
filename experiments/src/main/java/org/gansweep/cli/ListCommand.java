package org.gansweep.cli;

import com.google.inject.Inject;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gansweep.core.plugin.Kind;
import org.gansweep.core.plugin.Plugin;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.reports.FigureCatalog;
import picocli.CommandLine.Command;
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
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        for (Kind kind : Kind.values()) {
            out.println(kind.section() + ":");
            for (Map.Entry<String, Plugin<?, ?>> e : catalog.of(kind).entrySet()) {
                Plugin<?, ?> p = e.getValue();
                out.printf("  %-16s %s%n", e.getKey(), p.summary());
                Record defaults = defaults(p.paramsType());
                for (RecordComponent rc : p.paramsType().getRecordComponents()) {
                    Object v = defaults == null ? null : rc.getAccessor().invoke(defaults);
                    out.printf("  %-16s   %s = %s%n", "", rc.getName(), readable(v));
                }
            }
        }
        out.println("figures:");
        for (var f : figures.figures().entrySet()) {
            out.printf("  %-16s %s%n", f.getKey(), f.getValue().description());
        }
        return 0;
    }

    /** A default as YAML would write it: {@code {batchNorm: true}} for a nested record, not {@code Net[batchNorm=true]}. */
    static String readable(Object v) {
        if (v instanceof Record || v instanceof java.util.Collection<?> || v instanceof java.util.Map<?, ?>) {
            try {
                return org.gansweep.core.config.Yaml.json().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(v).replace("\"", "").replace(":", ": ").replace(",", ", ");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
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
