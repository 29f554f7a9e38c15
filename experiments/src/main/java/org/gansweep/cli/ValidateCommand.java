package org.gansweep.cli;

import com.google.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gansweep.core.config.ConfigException;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.GridLoader;
import org.gansweep.core.config.Trial;
import org.gansweep.core.plugin.PluginCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", description = "Check a grid and print its trials; errors as file:line:column: message (exit 2).")
final class ValidateCommand implements Callable<Integer> {
    private final GridLoader loader;

    @Inject
    ValidateCommand(PluginCatalog catalog) {
        this.loader = new GridLoader(catalog);
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "GRID.yaml", description = "the grid (default: the built-in ring experiment)")
    Path grid;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a field in every trial, e.g. training.steps=200")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        ExperimentGrid g;
        try {
            g = Grids.load(loader, grid, sets);
        } catch (ConfigException e) {
            return Grids.printErrors(e, spec.commandLine().getErr());
        }
        out.printf("%s: %d trials (%s x %d seeds)%n", g.name(), g.trials().size(),
                g.axes().isEmpty() ? "no axes" : String.join(" x ", g.axes()), g.trials().stream().map(Trial::seed).distinct().count());
        if (g.sequential() != null) {
            out.printf("seeds in rounds: looks at %s seeds per setting; these trials are the budget, a sweep runs those an undecided"
                    + " claim needs%n", String.join(", ", g.sequential().looks().stream().map(String::valueOf).toList()));
        }
        for (Trial t : g.trials()) {
            out.printf("  %-48s seed %-4d %s%n", t.id(), t.seed(), t.settingName());
        }
        out.println("ok");
        return 0;
    }
}
